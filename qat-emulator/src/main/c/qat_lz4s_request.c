/* An LZ4s compression on the device (see qat_lz4s_request.h). */
#include <stdlib.h>

#include "emu_abi.h"
#include "qat_answer.h"
#include "qat_device_state.h"
#include "qat_generation.h"
#include "qat_lz4s.h"
#include "qat_lz4s_request.h"

/* Per device thread, kept from request to request. */
static __thread struct lz4s_matcher *matcher;
static __thread struct lz4s_parse parse;
static __thread uint8_t *out;
static __thread uint64_t out_cap;

void lz4s_scratch_free(void) {
    free(matcher);
    matcher = NULL;
    lz4s_parse_free(&parse);
    free(out);
    out = NULL;
    out_cap = 0;
}

static int room(uint64_t want) {
    if (out_cap >= want) return 1;
    uint8_t *p = realloc(out, want);
    if (p == NULL) return 0;
    out = p;
    out_cap = want;
    return 1;
}

int lz4s_compress_request(struct request *rq, const uint8_t *in, uint64_t n, struct device_list *dst) {
    uint32_t bound;
    if (matcher == NULL) matcher = malloc(sizeof *matcher);
    if (matcher == NULL || lz4s_bound(rq->generation, (uint32_t) n, &bound) != CPA_STATUS_SUCCESS || !room(bound)
            || !lz4s_parse(in, n, rq->min_match, lz4s_window(rq->generation), lz4s_depth(rq->level), matcher, &parse)) {
        rq->status = CPA_DC_FATALERR;
        return 1;
    }
    /* Matches that do not pay (a short one after a long literal run) can make the stream longer than the bound;
     * the device never does: it sends all literals instead. */
    if (lz4s_plain_size(&parse, rq->min_match) > bound) {
        parse.count = 0;
        parse.trailing = n;
    }
    struct lz4s_tokens tokens = {rq->no_match_tokens, rq->token_seed ^ (n * 0x9e3779b97f4a7c15ULL), bound};
    uint64_t no_match = 0;
    size_t len = lz4s_emit(&parse, in, rq->min_match, lz4s_window(rq->generation), &tokens, out, bound, &no_match);
    if (len == 0) {
        rq->status = CPA_DC_FATALERR;
        return 1;
    }
    DEVICE_COUNT(lz4s_no_match_tokens, no_match);
    /* The device cannot know its output will fit before it has written it: output that did not shrink needs the
     * whole bound (as for deflate, rule 3a). */
    return answer_compression(rq, in, n, out, len, n > 0 && len >= n ? bound : len, dst);
}
