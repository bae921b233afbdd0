#ifndef EVG_UTIL_DATA_H
#define EVG_UTIL_DATA_H

#include <stddef.h>

/* Files compiled into the library by cmake/embed.cmake. */
typedef struct {
    const char *name;  /* file name without directory, e.g. "titles.json" */
    const char *bytes; /* NUL-terminated */
    size_t size;
} evg_i_data_file;

/* Terminated by an entry whose name is NULL. */
extern const evg_i_data_file evg_i_data_files[];

/* The embedded file called `name`, or NULL. */
const evg_i_data_file *evg_i_data_find(const char *name);

#endif
