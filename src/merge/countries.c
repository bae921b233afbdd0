/*
 * Country names for countries that no document defines (a person's
 * "country": "AZE" alone), from Debian's iso-codes lists embedded in the
 * library (data/CMakeLists.txt).
 */
#include <string.h>

#include <jansson.h>

#include "merge/merge.h"
#include "util/data.h"

/*
 * Add code -> name for every entry of one iso-codes file. `short_names`:
 * former countries are named "USSR, Union of Soviet Socialist Republics";
 * the part before the comma is the name a reader knows.
 */
static int load_list(json_t *names, const char *file, const char *section,
                     int short_names)
{
    const evg_i_data_file *f = evg_i_data_find(file);
    json_t *root, *list, *entry;
    size_t i;
    int rc = 0;

    if (f == NULL || (root = json_loadb(f->bytes, f->size, 0, NULL)) == NULL)
        return 0; /* cannot happen with the embedded files; labels fall back to codes */
    list = json_object_get(root, section);
    json_array_foreach(list, i, entry)
    {
        const char *code = json_string_value(json_object_get(entry, "alpha_3"));
        const char *name = json_string_value(json_object_get(entry, "common_name"));
        if (name == NULL)
            name = json_string_value(json_object_get(entry, "name"));
        if (code == NULL || name == NULL || json_object_get(names, code))
            continue;
        size_t n = short_names && strchr(name, ',') ? (size_t)(strchr(name, ',') - name)
                                                    : strlen(name);
        if (json_object_set_new(names, code, json_stringn(name, n)) < 0) {
            rc = EVG_ENOMEM;
            break;
        }
    }
    json_decref(root);
    return rc;
}

int evg_i_country_name(const char **out, evg_i_builder *b, const char *code)
{
    json_t *names = b->iso;

    *out = NULL;
    if (names == NULL) {
        if ((names = json_object()) == NULL)
            return evg_i_error_nomem(b->err);
        if (load_list(names, "iso_3166-1.json", "3166-1", 0) < 0 ||
            load_list(names, "iso_3166-3.json", "3166-3", 1) < 0) {
            json_decref(names);
            return evg_i_error_nomem(b->err);
        }
        b->iso = names;
    }
    *out = json_string_value(json_object_get(names, code));
    return 0;
}

void evg_i_country_names_free(evg_i_builder *b)
{
    json_decref(b->iso);
    b->iso = NULL;
}
