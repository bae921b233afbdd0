/* The names of countries as people write them (model/countries.h). */
#include <string.h>

#include "model/countries.h"
#include "util/data.h"

static json_t *load(const char *file)
{
    const evg_i_data_file *f = evg_i_data_find(file);
    return f ? json_loadb(f->bytes, f->size, 0, NULL) : NULL;
}

/* Append `name` to forms[code] unless there; -1 when out of memory. */
static int add(json_t *forms, const char *code, const char *name)
{
    json_t *list, *v;
    size_t i;

    if (code == NULL || name == NULL || name[0] == '\0')
        return 0;
    if ((list = json_object_get(forms, code)) == NULL) {
        if ((list = json_array()) == NULL || json_object_set_new(forms, code, list) < 0)
            return -1;
    }
    json_array_foreach(list, i, v) if (strcmp(json_string_value(v), name) == 0) return 0;
    return json_array_append_new(list, json_string(name));
}

json_t *evg_i_country_forms(void)
{
    static const char *const ISO[] = {"name", "common_name", "official_name"};
    static const char *const LEX[] = {"aliases", "demonyms"};
    json_t *forms = json_object(), *iso = load("iso_3166-1.json"),
           *lex = load("countries.json"), *e, *v;
    size_t i, k;
    int fail = forms == NULL;

    json_array_foreach(json_object_get(iso, "3166-1"), i, e)
    {
        const char *code = json_string_value(json_object_get(e, "alpha_3"));
        for (size_t f = 0; f < sizeof ISO / sizeof ISO[0] && !fail; f++)
            fail = add(forms, code, json_string_value(json_object_get(e, ISO[f]))) < 0;
    }
    json_array_foreach(json_object_get(lex, "countries"), i, e)
    {
        const char *code = json_string_value(json_object_get(e, "code"));
        fail =
            fail || add(forms, code, json_string_value(json_object_get(e, "name"))) < 0;
        for (size_t f = 0; f < sizeof LEX / sizeof LEX[0] && !fail; f++)
            json_array_foreach(json_object_get(e, LEX[f]), k, v) if (!fail) fail =
                add(forms, code, json_string_value(v)) < 0;
    }
    json_decref(iso);
    json_decref(lex);
    if (fail) {
        json_decref(forms);
        return NULL;
    }
    return forms;
}
