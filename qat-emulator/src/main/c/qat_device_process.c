/* Process mode: spawning, checking and stopping the device process (see qat_device_process.h). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "qat_config.h"
#include "qat_device_process.h"
#include "qat_device_state.h"
#include "qat_paths.h"

#define READY_TIMEOUT_MS 10000
#define STOP_TIMEOUT_MS 10000

extern char **environ;

static const volatile uint64_t probe_cookie = DEVICE_PROBE_COOKIE;
static pid_t device;
static int lifeline = -1; /* the write end: closing it stops the device */

static int say(const char *why, int err) {
    fprintf(stderr, "kqat QAT emulator: the device process did not start (%s%s%s); KQAT_EMU_DEVICE=thread runs the "
            "device on the application's threads instead\n", why, err ? ": " : "", err ? strerror(err) : "");
    return 0;
}

/* Yama (ptrace_scope 1) lets only ancestors read a process's memory: name the device as this process's reader. */
static void let_the_device_read(pid_t pid) {
    FILE *f = fopen("/proc/sys/kernel/yama/ptrace_scope", "r");
    if (f == NULL) return;
    int scope = 0;
    if (fscanf(f, "%d", &scope) == 1 && scope == 1) prctl(PR_SET_PTRACER, (unsigned long) pid);
    fclose(f);
}

static void reap(pid_t pid, int timeout_ms) {
    for (int waited = 0; waited < timeout_ms; waited++) {
        pid_t r = waitpid(pid, NULL, WNOHANG);
        if (r == pid || (r < 0 && errno != EINTR)) return; /* reaped, or not ours to reap (SIGCHLD ignored) */
        struct timespec ms = {0, 1000000};
        nanosleep(&ms, NULL);
    }
    kill(pid, SIGKILL);
    waitpid(pid, NULL, 0);
}

static pid_t spawn(const char *exe, const int *fds, int n, int vfs) {
    int high[DEVICE_VF_FD0 - DEVICE_FIRST_FD + MAX_INSTANCES];
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    int ok = 1;
    for (int i = 0; i < n; i++) {
        /* Above every target number first, so no dup2 overwrites a descriptor still to be passed. */
        high[i] = fcntl(fds[i], F_DUPFD_CLOEXEC, DEVICE_FIRST_FD + n);
        ok &= high[i] >= 0 && posix_spawn_file_actions_adddup2(&actions, high[i], DEVICE_FIRST_FD + i) == 0;
    }
    char pid_arg[32], cookie_arg[32], vfs_arg[16];
    snprintf(pid_arg, sizeof pid_arg, "%d", (int) getpid());
    snprintf(cookie_arg, sizeof cookie_arg, "%lx", (unsigned long) (uintptr_t) &probe_cookie);
    snprintf(vfs_arg, sizeof vfs_arg, "%d", vfs);
    char *argv[] = {(char *) "kqat-emu-device", pid_arg, cookie_arg, vfs_arg, NULL};
    pid_t pid = 0;
    if (ok && posix_spawn(&pid, exe, &actions, NULL, argv, environ) != 0) pid = 0;
    posix_spawn_file_actions_destroy(&actions);
    for (int i = 0; i < n; i++) {
        if (high[i] >= 0) close(high[i]);
    }
    return pid;
}

/* The device's first word: 0 once it reads this process's memory and its segments, else why not. */
static int wait_ready(int fd) {
    struct pollfd p = {fd, POLLIN, 0};
    int err = ETIMEDOUT;
    if (poll(&p, 1, READY_TIMEOUT_MS) == 1 && read(fd, &err, sizeof err) != (ssize_t) sizeof err) err = EPIPE;
    return err;
}

int device_process_start(int rings_fd, int iommu_fd, const int *vf_fds, int vfs) {
    char exe[4096];
    int life[2], ready[2];
    if (!library_sibling("kqat-emu-device", exe, sizeof exe)) return say("no path to kqat-emu-device", 0);
    if (rings_fd < 0 || iommu_fd < 0 || device_state_fd() < 0) return say("no shared memory", 0);
    if (pipe2(life, O_CLOEXEC) != 0) return say("pipe", errno);
    if (pipe2(ready, O_CLOEXEC) != 0) {
        close(life[0]);
        close(life[1]);
        return say("pipe", errno);
    }
    int fds[DEVICE_VF_FD0 - DEVICE_FIRST_FD + MAX_INSTANCES] = {device_state_fd(), rings_fd, iommu_fd, life[0], ready[1]};
    for (int v = 0; v < vfs; v++) fds[DEVICE_VF_FD0 - DEVICE_FIRST_FD + v] = vf_fds[v];
    pid_t pid = spawn(exe, fds, DEVICE_VF_FD0 - DEVICE_FIRST_FD + vfs, vfs);
    close(life[0]);
    close(ready[1]);
    int err = pid > 0 ? 0 : ENOEXEC;
    if (pid > 0) {
        let_the_device_read(pid);
        err = write(life[1], "g", 1) == 1 ? wait_ready(ready[0]) : EPIPE;
    }
    close(ready[0]);
    if (err != 0) {
        close(life[1]);
        if (pid > 0) reap(pid, STOP_TIMEOUT_MS);
        return say(pid > 0 ? exe : "posix_spawn", err);
    }
    device = pid;
    lifeline = life[1];
    return 1;
}

void device_process_wait(void) {
    if (lifeline >= 0) close(lifeline);
    lifeline = -1;
    if (device > 0) reap(device, STOP_TIMEOUT_MS);
    device = 0;
}

void device_process_forget(void) {
    if (lifeline >= 0) close(lifeline); /* the parent's end stays open in the parent */
    lifeline = -1;
    device = 0;
}

pid_t device_process_pid(void) {
    return device;
}
