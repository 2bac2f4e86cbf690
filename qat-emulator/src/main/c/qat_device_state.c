/* The state shared with the device (see qat_device_state.h). */
#define _GNU_SOURCE
#include <pthread.h>
#include <unistd.h>

#include "emu_shared.h"
#include "qat_device_state.h"

#define STATE_MAGIC 0x6b716473u /* "kqds" */

struct device_state *device_state;
static struct shm segment = {NULL, 0, -1};
static pthread_mutex_t open_lock = PTHREAD_MUTEX_INITIALIZER;

int device_state_open(void) {
    if (device_state != NULL) return 1;
    pthread_mutex_lock(&open_lock);
    if (device_state == NULL && shm_create(&segment, "kqat-emu-state", sizeof(struct device_state), 1)) {
        struct device_state *s = segment.addr;
        s->magic = STATE_MAGIC;
        atomic_store(&s->hang_from, NO_REQUEST);
        device_state = s;
    }
    pthread_mutex_unlock(&open_lock);
    return device_state != NULL;
}

int device_state_fd(void) {
    return segment.fd;
}

void device_state_forget(void) {
    if (segment.fd >= 0) close(segment.fd);
    segment.addr = NULL;
    segment.fd = -1;
    device_state = NULL;
    pthread_mutex_init(&open_lock, NULL);
}

int device_state_attach(int fd) {
    if (!shm_attach(&segment, fd) || segment.len < sizeof(struct device_state)) return 0;
    struct device_state *s = segment.addr;
    if (s->magic != STATE_MAGIC) return 0;
    device_state = s;
    return 1;
}
