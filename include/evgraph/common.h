#ifndef EVGRAPH_COMMON_H
#define EVGRAPH_COMMON_H

#include <stddef.h>

#include "evgraph/version.h"

#if defined(EVG_STATIC)
#define EVG_API
#elif defined(__GNUC__)
#define EVG_API __attribute__((visibility("default")))
#else
#define EVG_API
#endif

#ifdef __cplusplus
#define EVG_BEGIN_DECLS extern "C" {
#define EVG_END_DECLS }
#else
#define EVG_BEGIN_DECLS
#define EVG_END_DECLS
#endif

EVG_BEGIN_DECLS

/** The library version as "MAJOR.MINOR.PATCH"; a static string. */
EVG_API const char *evg_version(void);

/**
 * Release memory that the library documents as "free with evg_free()".
 * NULL-safe.
 */
EVG_API void evg_free(void *ptr);

EVG_END_DECLS

#endif
