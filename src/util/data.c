#include <string.h>

#include "util/data.h"

const evg_i_data_file *evg_i_data_find(const char *name)
{
    for (const evg_i_data_file *f = evg_i_data_files; f->name; f++)
        if (strcmp(f->name, name) == 0)
            return f;
    return NULL;
}
