/* One request as the device runs it. */
#ifndef KQAT_QAT_EXECUTE_H
#define KQAT_QAT_EXECUTE_H

#include "qat_request.h"

#pragma GCC visibility push(hidden)

/* Descriptors and data through the IOMMU, then (de)compression; the answer goes into rq, for the poll to deliver.
 * An injected fault or an IOMMU fault answers FATALERR with callback FAIL. */
void execute(struct request *rq);

#pragma GCC visibility pop

#endif
