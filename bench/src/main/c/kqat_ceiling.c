/*
 * kqat-ceiling: the speed of zlib, libdeflate and ISA-L called directly from C on the same gzip members kqat's Java
 * codec compresses, so "each software backend reaches 95% of its library's own speed" can be checked in one run.
 *
 *   kqat-ceiling FILE MEMBER_BYTES[,MEMBER_BYTES...] [SECONDS] [REPEATS] [LIBRARY OP LEVEL]
 *
 * FILE is cut into members of MEMBER_BYTES (the last one shorter), each compressed on its own into one gzip member
 * (header, deflate, CRC-32 and size trailer, all by the library), at the levels kqat uses. Inflate rows decode the
 * members zlib wrote at level 6 (what stock Kafka producers send), checking every byte once. Each figure is the median
 * of REPEATS runs (3) of at least SECONDS (1.0) of CPU time each, after one warm-up pass. Output: one tab-separated line
 * per row,
 *   library op level member_bytes mb_per_s ratio
 * with MB of uncompressed bytes (10^6) per CPU-second of the measuring thread and ratio = uncompressed / compressed. LIBRARY OP LEVEL (e.g. "zlib compress 6")
 * measures that one row only, so a caller can alternate it with its own measurement of the same row.
 *
 * The libraries are linked by soname (libdeflate.so.0, libisal.so.2) so their -dev packages are not needed: the few
 * prototypes are declared here, and ISA-L's stream structures are used as raw memory at the offsets of ISA-L
 * 2.28-2.31 (the same offsets kqat's Java binding uses; the inflate result is compared with the input).
 */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zlib.h>

/* libdeflate 1.14 */
struct libdeflate_compressor;
struct libdeflate_decompressor;
struct libdeflate_compressor *libdeflate_alloc_compressor(int level);
size_t libdeflate_gzip_compress(struct libdeflate_compressor *c, const void *in, size_t in_n, void *out, size_t out_avail);
size_t libdeflate_gzip_compress_bound(struct libdeflate_compressor *c, size_t in_n);
void libdeflate_free_compressor(struct libdeflate_compressor *c);
struct libdeflate_decompressor *libdeflate_alloc_decompressor(void);
int libdeflate_gzip_decompress(struct libdeflate_decompressor *d, const void *in, size_t in_n, void *out, size_t out_avail,
                               size_t *actual_out);
void libdeflate_free_decompressor(struct libdeflate_decompressor *d);

/* ISA-L igzip 2.28-2.31: struct isal_zstream and struct inflate_state as raw memory. */
int isal_deflate_stateless_init(void *stream);
int isal_deflate_stateless(void *stream);
void isal_inflate_init(void *state);
int isal_inflate_stateless(void *state);
uint32_t crc32_gzip_refl(uint32_t init_crc, const unsigned char *buf, uint64_t len);
enum { ZSTREAM_SIZE = 82384, Z_NEXT_IN = 0, Z_AVAIL_IN = 8, Z_NEXT_OUT = 16, Z_AVAIL_OUT = 24, Z_TOTAL_OUT = 28,
       Z_LEVEL = 40, Z_LEVEL_BUF_SIZE = 44, Z_LEVEL_BUF = 48, Z_END_OF_STREAM = 56, Z_GZIP_FLAG = 60 };
enum { INFLATE_STATE_SIZE = 87368, I_NEXT_OUT = 0, I_AVAIL_OUT = 8, I_TOTAL_OUT = 12, I_NEXT_IN = 16, I_AVAIL_IN = 32 };
static const uint32_t ISAL_LEVEL_BUF[] = {0, 282624, 331776, 348160};

#define FIELD(base, off, type) (*(type *) ((unsigned char *) (base) + (off)))

typedef struct {
    const unsigned char *data;
    size_t len;
} member;

typedef struct {
    member *in;         /* the uncompressed members */
    member *gz;         /* the same members as gzip, written by zlib -6 */
    size_t count;
    size_t total;       /* uncompressed bytes over all members */
    unsigned char *out; /* scratch output, big enough for any member either way */
    size_t out_cap;
} workload;

/* The one row asked for on the command line, or NULL for every row. */
static const char *only_library, *only_op;
static int only_level;

static int wanted(const char *library, const char *op, int level) {
    return only_library == NULL
           || (strcmp(library, only_library) == 0 && strcmp(op, only_op) == 0 && level == only_level);
}

typedef size_t (*pass_fn)(workload *w, int level, void *ctx); /* one pass over every member; returns bytes written */

/* This thread's CPU time: on a shared machine it moves far less with the load than wall-clock time does. */
static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static void die(const char *what) {
    fprintf(stderr, "kqat-ceiling: %s\n", what);
    exit(1);
}

/* ---- zlib (the JDK's java.util.zip on Debian): one pass either way, the stream reset per member ---- */
typedef struct {
    z_stream z;
    int (*reset)(z_streamp);
    int (*step)(z_streamp, int);
    int inflating;
} zlib_ctx;

static size_t zlib_pass(workload *w, int level, void *ctx) {
    zlib_ctx *c = ctx;
    member *from = c->inflating ? w->gz : w->in;
    size_t written = 0;
    for (size_t i = 0; i < w->count; i++) {
        c->reset(&c->z);
        c->z.next_in = (Bytef *) from[i].data;
        c->z.avail_in = (uInt) from[i].len;
        c->z.next_out = w->out;
        c->z.avail_out = (uInt) w->out_cap;
        if (c->step(&c->z, Z_FINISH) != Z_STREAM_END || (c->inflating && c->z.total_out != w->in[i].len)) {
            die(c->inflating ? "zlib inflate failed" : "zlib deflate failed");
        }
        written += c->z.total_out;
    }
    (void) level;
    return written;
}

/* ---- libdeflate ---- */
static size_t libdeflate_deflate_pass(workload *w, int level, void *ctx) {
    size_t written = 0;
    for (size_t i = 0; i < w->count; i++) {
        size_t n = libdeflate_gzip_compress(ctx, w->in[i].data, w->in[i].len, w->out, w->out_cap);
        if (n == 0) die("libdeflate compress failed");
        written += n;
    }
    (void) level;
    return written;
}

static size_t libdeflate_inflate_pass(workload *w, int level, void *ctx) {
    size_t written = 0;
    for (size_t i = 0; i < w->count; i++) {
        size_t n = 0;
        if (libdeflate_gzip_decompress(ctx, w->gz[i].data, w->gz[i].len, w->out, w->out_cap, &n) != 0
            || n != w->in[i].len) die("libdeflate inflate failed");
        written += n;
    }
    (void) level;
    return written;
}

/* ---- ISA-L ---- */
typedef struct {
    void *stream;
    unsigned char *level_buf;
} isal_ctx;

static size_t isal_deflate_pass(workload *w, int level, void *ctx) {
    isal_ctx *c = ctx;
    size_t written = 0;
    for (size_t i = 0; i < w->count; i++) {
        isal_deflate_stateless_init(c->stream);
        FIELD(c->stream, Z_NEXT_IN, const unsigned char *) = w->in[i].data;
        FIELD(c->stream, Z_AVAIL_IN, uint32_t) = (uint32_t) w->in[i].len;
        FIELD(c->stream, Z_NEXT_OUT, unsigned char *) = w->out;
        FIELD(c->stream, Z_AVAIL_OUT, uint32_t) = (uint32_t) w->out_cap;
        FIELD(c->stream, Z_TOTAL_OUT, uint32_t) = 0;
        FIELD(c->stream, Z_LEVEL, uint32_t) = (uint32_t) level;
        FIELD(c->stream, Z_LEVEL_BUF_SIZE, uint32_t) = ISAL_LEVEL_BUF[level];
        FIELD(c->stream, Z_LEVEL_BUF, unsigned char *) = c->level_buf;
        FIELD(c->stream, Z_END_OF_STREAM, uint16_t) = 1;
        FIELD(c->stream, Z_GZIP_FLAG, uint16_t) = 1; /* IGZIP_GZIP: header and trailer by the library */
        if (isal_deflate_stateless(c->stream) != 0) die("isal deflate failed");
        written += FIELD(c->stream, Z_TOTAL_OUT, uint32_t);
    }
    return written;
}

/* Raw inflate of the member's deflate data (its 10-byte header skipped), CRC-32 by ISA-L, trailer checked. */
static size_t isal_inflate_pass(workload *w, int level, void *ctx) {
    isal_ctx *c = ctx;
    size_t written = 0;
    for (size_t i = 0; i < w->count; i++) {
        const unsigned char *gz = w->gz[i].data;
        size_t body = w->gz[i].len - 18;
        isal_inflate_init(c->stream);
        FIELD(c->stream, I_NEXT_IN, const unsigned char *) = gz + 10;
        FIELD(c->stream, I_AVAIL_IN, uint32_t) = (uint32_t) body;
        FIELD(c->stream, I_NEXT_OUT, unsigned char *) = w->out;
        FIELD(c->stream, I_AVAIL_OUT, uint32_t) = (uint32_t) w->out_cap;
        if (isal_inflate_stateless(c->stream) != 0) die("isal inflate failed");
        uint32_t n = FIELD(c->stream, I_TOTAL_OUT, uint32_t);
        const unsigned char *t = gz + w->gz[i].len - 8;
        uint32_t crc = (uint32_t) t[0] | (uint32_t) t[1] << 8 | (uint32_t) t[2] << 16 | (uint32_t) t[3] << 24;
        if (n != w->in[i].len || crc32_gzip_refl(0, w->out, n) != crc) die("isal inflate gave wrong bytes");
        written += n;
    }
    (void) level;
    return written;
}

/* ---- the loop ---- */
static int cmp_double(const void *a, const void *b) {
    double x = *(const double *) a, y = *(const double *) b;
    return x < y ? -1 : x > y;
}

static void measure(const char *library, const char *op, int level, size_t member_bytes, workload *w, pass_fn pass,
                    void *ctx, double seconds, int repeats) {
    if (!wanted(library, op, level)) return;
    size_t written = pass(w, level, ctx); /* warm-up, and the compressed size */
    double rates[16];
    for (int r = 0; r < repeats; r++) {
        double start = now(), elapsed;
        size_t passes = 0;
        do {
            pass(w, level, ctx);
            passes++;
            elapsed = now() - start;
        } while (elapsed < seconds);
        rates[r] = (double) w->total * passes / elapsed / 1e6;
    }
    qsort(rates, repeats, sizeof rates[0], cmp_double);
    size_t compressed = strcmp(op, "compress") == 0 ? written : 0;
    if (compressed == 0) {
        for (size_t i = 0; i < w->count; i++) compressed += w->gz[i].len;
    }
    printf("%s\t%s\t%d\t%zu\t%.1f\t%.3f\n", library, op, level, member_bytes, rates[repeats / 2],
           (double) w->total / compressed);
    fflush(stdout);
}

static unsigned char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) die("cannot open the input file");
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char *data = malloc(n > 0 ? (size_t) n : 1);
    if (!data || fread(data, 1, (size_t) n, f) != (size_t) n) die("cannot read the input file");
    fclose(f);
    *len = (size_t) n;
    return data;
}

static void cut(workload *w, const unsigned char *data, size_t len, size_t member_bytes) {
    w->count = (len + member_bytes - 1) / member_bytes;
    w->total = len;
    w->in = calloc(w->count, sizeof(member));
    w->gz = calloc(w->count, sizeof(member));
    w->out_cap = member_bytes + member_bytes / 8 + 65536;
    w->out = malloc(w->out_cap);
    if (!w->in || !w->gz || !w->out) die("out of memory");
    int need_gz = only_op == NULL || strcmp(only_op, "inflate") == 0; /* zlib -6 members, for the inflate rows */
    z_stream z = {0};
    if (deflateInit2(&z, 6, Z_DEFLATED, 31, 8, Z_DEFAULT_STRATEGY) != Z_OK) die("zlib init failed");
    for (size_t i = 0; i < w->count; i++) {
        size_t n = i + 1 < w->count ? member_bytes : len - i * member_bytes;
        w->in[i].data = data + i * member_bytes;
        w->in[i].len = n;
        if (!need_gz) continue;
        deflateReset(&z);
        z.next_in = (Bytef *) w->in[i].data;
        z.avail_in = (uInt) n;
        z.next_out = w->out;
        z.avail_out = (uInt) w->out_cap;
        if (deflate(&z, Z_FINISH) != Z_STREAM_END) die("zlib deflate failed");
        unsigned char *copy = malloc(z.total_out);
        if (!copy) die("out of memory");
        memcpy(copy, w->out, z.total_out);
        w->gz[i].data = copy;
        w->gz[i].len = z.total_out;
    }
    deflateEnd(&z);
}

static void run_size(const unsigned char *data, size_t len, size_t member_bytes, double seconds, int repeats) {
    workload w;
    cut(&w, data, len, member_bytes);
    static const int levels[] = {1, 6};
    for (int k = 0; k < 2; k++) {
        zlib_ctx zc = {.reset = deflateReset, .step = deflate, .inflating = 0};
        if (deflateInit2(&zc.z, levels[k], Z_DEFLATED, 31, 8, Z_DEFAULT_STRATEGY) != Z_OK) die("zlib init failed");
        measure("zlib", "compress", levels[k], member_bytes, &w, zlib_pass, &zc, seconds, repeats);
        deflateEnd(&zc.z);
    }
    for (int k = 0; k < 2; k++) {
        struct libdeflate_compressor *c = libdeflate_alloc_compressor(levels[k]);
        if (!c) die("libdeflate alloc failed");
        measure("libdeflate", "compress", levels[k], member_bytes, &w, libdeflate_deflate_pass, c, seconds, repeats);
        libdeflate_free_compressor(c);
    }
    isal_ctx ic = {calloc(1, 2 * INFLATE_STATE_SIZE), malloc(ISAL_LEVEL_BUF[3])};
    if (!ic.stream || !ic.level_buf) die("out of memory");
    for (int level = 1; level <= 2; level++) {
        measure("isal", "compress", level, member_bytes, &w, isal_deflate_pass, &ic, seconds, repeats);
    }
    zlib_ctx zi = {.reset = inflateReset, .step = inflate, .inflating = 1};
    if (inflateInit2(&zi.z, 31) != Z_OK) die("zlib inflate init failed");
    measure("zlib", "inflate", 6, member_bytes, &w, zlib_pass, &zi, seconds, repeats);
    inflateEnd(&zi.z);
    struct libdeflate_decompressor *d = libdeflate_alloc_decompressor();
    if (!d) die("libdeflate alloc failed");
    measure("libdeflate", "inflate", 6, member_bytes, &w, libdeflate_inflate_pass, d, seconds, repeats);
    libdeflate_free_decompressor(d);
    measure("isal", "inflate", 6, member_bytes, &w, isal_inflate_pass, &ic, seconds, repeats);
    free(ic.stream);
    free(ic.level_buf);
    for (size_t i = 0; i < w.count; i++) free((void *) w.gz[i].data);
    free(w.in);
    free(w.gz);
    free(w.out);
}

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: kqat-ceiling FILE MEMBER_BYTES[,MEMBER_BYTES...] [SECONDS] [REPEATS] [LIBRARY OP LEVEL]\n");
        return 2;
    }
    double seconds = argc > 3 ? atof(argv[3]) : 1.0;
    int repeats = argc > 4 ? atoi(argv[4]) : 3;
    if (seconds <= 0 || repeats < 1 || repeats > 16) die("SECONDS must be positive and REPEATS 1..16");
    if (argc == 8) {
        only_library = argv[5];
        only_op = argv[6];
        only_level = atoi(argv[7]);
    } else if (argc != 3 && argc != 4 && argc != 5) {
        die("give LIBRARY OP LEVEL together, or none of them");
    }
    size_t len;
    unsigned char *data = read_file(argv[1], &len);
    if (len == 0) die("the input file is empty");
    printf("library\top\tlevel\tmember_bytes\tmb_per_s\tratio\n");
    for (char *s = strtok(argv[2], ","); s; s = strtok(NULL, ",")) {
        long member_bytes = atol(s);
        if (member_bytes < 64 || member_bytes > (1L << 30)) die("MEMBER_BYTES must be 64 .. 1 GiB");
        run_size(data, len, (size_t) member_bytes, seconds, repeats);
    }
    free(data);
    return 0;
}
