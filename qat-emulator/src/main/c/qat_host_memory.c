/* The device's copies to and from application memory (see qat_host_memory.h). */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/uio.h>

#include "qat_device_state.h"
#include "qat_host_memory.h"

static pid_t application; /* 0: this process */

void host_memory_in(pid_t pid) {
    application = pid;
}

static int failed(void) {
    static int said;
    DEVICE_COUNT(host_access_errors, 1);
    if (errno != EFAULT && !said) {
        said = 1;
        fprintf(stderr, "kqat QAT emulator: the device cannot reach the application's memory: %s\n", strerror(errno));
    }
    return 0;
}

/* Up to n pieces of [addr, addr+len), in order, as iovecs: at most what the caller will copy. */
static int pieces(const uintptr_t *addr, const uint32_t *len, uint32_t n, uint64_t total, struct iovec *out) {
    int k = 0;
    for (uint32_t i = 0; i < n && total > 0; i++) {
        uint64_t take = len[i] < total ? len[i] : total;
        if (take == 0) continue;
        out[k].iov_base = (void *) addr[i];
        out[k].iov_len = take;
        total -= take;
        k++;
    }
    return k;
}

static int copy(const uintptr_t *addr, const uint32_t *len, uint32_t n, uint8_t *local, uint64_t total, int write) {
    struct iovec remote[256];
    int k = pieces(addr, len, n > 256 ? 256 : n, total, remote);
    if (application == 0) {
        for (int i = 0; i < k; i++) {
            if (write) memcpy(remote[i].iov_base, local, remote[i].iov_len);
            else memcpy(local, remote[i].iov_base, remote[i].iov_len);
            local += remote[i].iov_len;
        }
        return 1;
    }
    struct iovec mine = {local, total};
    ssize_t done = write ? process_vm_writev(application, &mine, 1, remote, (unsigned long) k, 0)
                         : process_vm_readv(application, &mine, 1, remote, (unsigned long) k, 0);
    if (done == (ssize_t) total) return 1;
    if (done >= 0) errno = EFAULT; /* a partial copy stops at the first piece it could not reach */
    return failed();
}

int host_read(uintptr_t from, void *to, size_t len) {
    uint32_t n = (uint32_t) len;
    return copy(&from, &n, 1, to, len, 0);
}

int host_gather(const uintptr_t *addr, const uint32_t *len, uint32_t n, uint8_t *to, uint64_t total) {
    return copy(addr, len, n, to, total, 0);
}

int host_scatter(const uintptr_t *addr, const uint32_t *len, uint32_t n, const uint8_t *from, uint64_t total) {
    return copy(addr, len, n, (uint8_t *) from, total, 1);
}
