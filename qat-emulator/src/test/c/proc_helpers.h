/* Helpers of the device-process tests (test_offload.c, test_boundary.c): what /proc says of a process. */
#ifndef KQAT_PROC_HELPERS_H
#define KQAT_PROC_HELPERS_H

#include <dirent.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>

/* A process's state letter and parent from /proc/<pid>/stat; state 0 when it is gone. */
static inline char proc_state(pid_t pid, pid_t *parent) {
    char path[64], buf[512];
    snprintf(path, sizeof path, "/proc/%d/stat", (int) pid);
    FILE *f = fopen(path, "r");
    if (f == NULL) return 0;
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    char *close_paren = strrchr(buf, ')');
    char state = 0;
    int ppid = 0;
    if (close_paren == NULL || sscanf(close_paren + 2, "%c %d", &state, &ppid) != 2) return 0;
    if (parent != NULL) *parent = ppid;
    return state;
}

static inline void comm_of(const char *path, char *out, size_t len) {
    FILE *f = fopen(path, "r");
    out[0] = '\0';
    if (f == NULL) return;
    if (fgets(out, (int) len, f) != NULL) out[strcspn(out, "\n")] = '\0';
    fclose(f);
}

static inline int has_thread(pid_t pid, const char *name) {
    char path[384], comm[32];
    snprintf(path, sizeof path, "/proc/%d/task", (int) pid);
    DIR *d = opendir(path);
    int found = 0;
    for (struct dirent *e; d != NULL && !found && (e = readdir(d)) != NULL;) {
        if (e->d_name[0] == '.') continue;
        snprintf(path, sizeof path, "/proc/%d/task/%s/comm", (int) pid, e->d_name);
        comm_of(path, comm, sizeof comm);
        found = strcmp(comm, name) == 0;
    }
    if (d != NULL) closedir(d);
    return found;
}

static inline int gone(pid_t pid) {
    char s = proc_state(pid, NULL);
    return s == 0 || s == 'Z' || s == 'X';
}

#endif
