/* memfd segments shared with the device (see emu_shared.h). */
#define _GNU_SOURCE
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "emu_shared.h"

int shm_create(struct shm *m, const char *name, size_t len, int dontfork) {
    m->addr = NULL;
    m->len = len;
    m->fd = memfd_create(name, MFD_CLOEXEC);
    if (m->fd < 0) return 0;
    void *p = ftruncate(m->fd, (off_t) len) == 0
            ? mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED, m->fd, 0) : MAP_FAILED;
    if (p == MAP_FAILED) {
        close(m->fd);
        m->fd = -1;
        return 0;
    }
    if (dontfork) madvise(p, len, MADV_DONTFORK);
    m->addr = p;
    return 1;
}

int shm_attach(struct shm *m, int fd) {
    struct stat st;
    m->addr = NULL;
    m->fd = fd;
    if (fstat(fd, &st) != 0 || st.st_size <= 0) return 0;
    m->len = (size_t) st.st_size;
    void *p = mmap(NULL, m->len, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (p == MAP_FAILED) return 0;
    m->addr = p;
    return 1;
}

void shm_close(struct shm *m) {
    if (m->addr != NULL) munmap(m->addr, m->len);
    if (m->fd >= 0) close(m->fd);
    m->addr = NULL;
    m->fd = -1;
}
