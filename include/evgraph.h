#ifndef EVGRAPH_H
#define EVGRAPH_H

/*
 * evgraph: news about officials into a graph of who met whom, when, where,
 * and under which agreements. Users include only this header.
 */
#include "evgraph/common.h"
#include "evgraph/error.h"
#include "evgraph/io.h"
#include "evgraph/ingest.h"
#include "evgraph/doc.h"
#include "evgraph/extract.h"
#include "evgraph/corpus.h"
#include "evgraph/graph.h"
#include "evgraph/analysis.h"
#include "evgraph/export.h"
#include "evgraph/report.h"
#include "evgraph/query.h"
#include "evgraph/store.h"

#endif
