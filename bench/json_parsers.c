/*
 * The CPU time of parsing every line of a JSON Lines file into a tree (and
 * freeing it) with one C JSON parser, chosen when compiled: -DP_JANSSON,
 * -DP_JANSSON_STREAM (json_loadf, one value after another), -DP_JSONC,
 * -DP_YAJL, -DP_CJSON, -DP_JSONPARSER or -DP_JSMN (a tokenizer only: no
 * strings unescaped, no tree). bench/json_parsers builds and runs them.
 * Usage: json_parsers FILE.jsonl; prints "lines bad cpu-seconds".
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#if defined(P_JANSSON) || defined(P_JANSSON_STREAM)
#include <jansson.h>
#elif defined(P_JSONC)
#include <json-c/json.h>
#elif defined(P_YAJL)
#include <yajl/yajl_tree.h>
#elif defined(P_CJSON)
#include <cjson/cJSON.h>
#elif defined(P_JSONPARSER)
#include <json-parser/json.h>
#elif defined(P_JSMN)
#define JSMN_STATIC
#include <jsmn.h>
#else
#error "choose a parser"
#endif

static double cpu(void)
{
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Parse one line of `len` bytes (writable: yajl wants a NUL); 0 when it parsed. */
static int parse(char *p, size_t len)
{
    int bad = 0;
#if defined(P_JANSSON)
    json_error_t e;
    json_t *o = json_loadb(p, len, JSON_REJECT_DUPLICATES, &e);
    bad = o == NULL;
    json_decref(o);
#elif defined(P_JSONC)
    static json_tokener *tok;
    json_object *o;
    if (tok == NULL)
        tok = json_tokener_new();
    json_tokener_reset(tok);
    o = json_tokener_parse_ex(tok, p, (int)len);
    bad = o == NULL;
    json_object_put(o);
#elif defined(P_YAJL)
    char c = p[len], eb[128];
    yajl_val v;
    p[len] = '\0';
    v = yajl_tree_parse(p, eb, sizeof eb);
    p[len] = c;
    bad = v == NULL;
    yajl_tree_free(v);
#elif defined(P_CJSON)
    cJSON *o = cJSON_ParseWithLength(p, len);
    bad = o == NULL;
    cJSON_Delete(o);
#elif defined(P_JSONPARSER)
    json_value *v = json_parse(p, len);
    bad = v == NULL;
    json_value_free(v);
#elif defined(P_JSMN)
    static jsmntok_t toks[1 << 16];
    jsmn_parser ps;
    jsmn_init(&ps);
    bad = jsmn_parse(&ps, p, len, toks, sizeof toks / sizeof toks[0]) < 0;
#else
    (void)p;
    (void)len;
#endif
    return bad;
}

int main(int argc, char **argv)
{
    FILE *f;
    char *buf;
    long size;
    size_t lines = 0, bad = 0;
    double t0;

    if (argc != 2 || (f = fopen(argv[1], "rb")) == NULL) {
        fprintf(stderr, "usage: json_parsers FILE.jsonl\n");
        return 2;
    }
    fseek(f, 0, SEEK_END);
    size = ftell(f);
    rewind(f);
    if (size < 0 || (buf = malloc((size_t)size + 1)) == NULL ||
        fread(buf, 1, (size_t)size, f) != (size_t)size)
        return 1;
    buf[size] = '\0';
    t0 = cpu();
#if defined(P_JANSSON_STREAM)
    {
        json_error_t e;
        json_t *o;
        rewind(f);
        while ((o = json_loadf(f, JSON_DISABLE_EOF_CHECK | JSON_REJECT_DUPLICATES, &e))) {
            lines++;
            json_decref(o);
        }
    }
#else
    for (char *p = buf, *end = buf + size; p < end;) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);
        bad += parse(p, len) != 0;
        lines++;
        p = nl ? nl + 1 : end;
    }
#endif
    printf("%zu %zu %.2f\n", lines, bad, cpu() - t0);
    fclose(f);
    free(buf);
    return 0;
}
