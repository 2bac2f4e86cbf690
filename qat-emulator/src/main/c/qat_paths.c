/* Files next to this libqat (see qat_paths.h). */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

#include "qat_paths.h"

int library_sibling(const char *name, char *out, size_t len) {
    Dl_info self;
    if (dladdr((void *) &library_sibling, &self) == 0 || self.dli_fname == NULL) return 0;
    char path[4096];
    snprintf(path, sizeof path, "%s", self.dli_fname);
    char *slash = strrchr(path, '/');
    if (slash == NULL) return 0;
    *slash = '\0';
    return snprintf(out, len, "%s/%s", path, name) < (int) len;
}
