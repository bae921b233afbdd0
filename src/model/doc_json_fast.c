/*
 * The event record as JSON Lines, read fast: cJSON parses a line in a
 * quarter of jansson's time (docs/performance.md). jansson stays the
 * reference: cJSON is more lenient (it lets through duplicate keys,
 * invalid UTF-8, raw control characters, leading zeros, "\u0000", and does
 * not tell 3 from 3.0), so this reader takes only a line that shows none
 * of those and that it reads without a fault. Anything else goes to
 * evg_doc_parse_json()'s jansson path, which gives the same document or
 * the error message the user sees. Both read through model/doc_read.inc.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>

#include "model/doc_internal.h"
#include "util/buf.h"
#include "util/date.h"
#include "util/jscratch.h"
#include "util/utf8.h"

/* cJSON's numbers: a line with other numbers than short integers is left to jansson. */
static const char *type_name(const cJSON *v)
{
    switch (v->type & 0xff) {
    case cJSON_Object:
        return "an object";
    case cJSON_Array:
        return "an array";
    case cJSON_String:
        return "a string";
    case cJSON_Number:
        return "an integer";
    case cJSON_True:
    case cJSON_False:
        return "a boolean";
    default:
        return "null";
    }
}

typedef cJSON *JV;
typedef cJSON *JV_ITER;
#define JV_IS_OBJECT(v) cJSON_IsObject(v)
#define JV_IS_ARRAY(v) cJSON_IsArray(v)
#define JV_IS_STRING(v) cJSON_IsString(v)
#define JV_IS_NULL(v) cJSON_IsNull(v)
#define JV_IS_INTEGER(v) cJSON_IsNumber(v)
#define JV_INTEGER(v) ((long long)(v)->valuedouble)
#define JV_STRING(v) ((const char *)(v)->valuestring)
#define JV_STRLEN(v) strlen((v)->valuestring)
#define JV_SIZE(a) ((a) ? (size_t)cJSON_GetArraySize(a) : 0)
#define JV_FIRST(a) ((a) ? (a)->child : NULL)
#define JV_NEXT(a, prev, i) ((prev)->next)
#define JV_ITER_FIRST(o) ((o)->child)
#define JV_ITER_NEXT(o, it) ((it)->next)
#define JV_ITER_KEY(it) ((const char *)(it)->string)
#define JV_ITER_VALUE(it) (it)
#define JV_STRICT 1

#include "model/doc_read.inc"

/*
 * Whether the line holds only what cJSON reads as jansson does: valid UTF-8
 * without NUL; no control character but tab, CR and LF between tokens and
 * none in strings; no "\u0000"; numbers as integers of at most 15 digits
 * without a leading zero (exact as cJSON's doubles, integers to jansson).
 */
static int plain(const char *text, size_t len)
{
    const unsigned char *s = (const unsigned char *)text, *end = s + len;
    int ascii = 1;

    while (s < end) {
        unsigned c = *s++;
        if (c == '"') {
            while (s < end && *s != '"') {
                c = *s++;
                if (c < 0x20)
                    return 0;
                ascii &= c < 0x80;
                if (c == '\\') {
                    if (s == end)
                        return 0;
                    if (*s == 'u' && end - s >= 5 && memcmp(s, "u0000", 5) == 0)
                        return 0;
                    s++;
                }
            }
            if (s == end)
                return 0;
            s++;
        } else if (c >= '0' && c <= '9') {
            size_t digits = 1;
            if (c == '0' && s < end && *s >= '0' && *s <= '9')
                return 0;
            while (s < end && *s >= '0' && *s <= '9') {
                s++;
                digits++;
            }
            if (digits > 15 ||
                (s < end && (*s == '.' || *s == 'e' || *s == 'E' || *s == '+')))
                return 0;
        } else if (c == '.' || c == '+' || c >= 0x80 ||
                   (c < 0x20 && c != '\t' && c != '\r' && c != '\n')) {
            return 0;
        }
    }
    return ascii || evg_i_utf8_valid(text, len);
}

int evg_i_doc_parse_fast(evg_doc **out, const char *text, size_t len, const char *source,
                         int line)
{
    evg_error quiet;
    evg_i_arena tmp = EVG_I_ARENA_INIT;
    reader r = {source, line, &quiet, NULL, &tmp};
    cJSON *root = NULL;
    const char *end = NULL;
    int ok = 0;

    if (!plain(text, len))
        return 0;
    evg_i_jscratch_install(); /* cJSON's memory in the caller's scratch window */
    if ((root = cJSON_ParseWithLengthOpts(text, len, &end, 0)) == NULL)
        goto cleanup;
    for (; end < text + len; end++)
        if (*end != ' ' && *end != '\t' && *end != '\r' && *end != '\n')
            goto cleanup;
    if (read_record(&r, root) == 0) {
        *out = r.doc;
        r.doc = NULL;
        ok = 1;
    }
cleanup:
    evg_doc_free(r.doc);
    evg_i_arena_free(&tmp);
    if (!evg_i_jscratch_active())
        cJSON_Delete(root);
    return ok;
}
