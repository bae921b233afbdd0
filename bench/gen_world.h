#ifndef EVG_BENCH_GEN_WORLD_H
#define EVG_BENCH_GEN_WORLD_H

/*
 * The invented world of gen_events: real countries (ISO codes, capitals and
 * adjectives, so that places resolve to countries as in real articles) with
 * invented officials, their titles and ministries, and the agreements their
 * countries sign. Everything is drawn from one seeded generator.
 */
#include <stddef.h>
#include <stdint.h>

typedef struct {
    const char *code, *name, *capital, *adjective;
} gw_country_info;

typedef struct {
    int country;
    size_t rank; /* 0: the head of state; heavy-tailed draws favour low ranks */
} gw_person;

typedef struct {
    uint64_t rng;
    const gw_country_info *countries;
    int ncountries;
    double *country_cdf; /* Zipf, s = 0.8, over the countries */
    double *rank_cdf;    /* Zipf, s = 1.05, over the ranks of one country */
    size_t per_country;
    gw_person *people;
    size_t npeople;
} gw_world;

enum { GW_FULL, GW_SHORT, GW_CAPS }; /* how a name is written */

/* 0, or -1 when out of memory. */
int gw_init(gw_world *w, uint64_t seed);
void gw_free(gw_world *w);

/* splitmix64. */
uint64_t gw_rand(gw_world *w);

/* A country, heavy-tailed; another one than `not`. */
int gw_country(gw_world *w);
int gw_country_other(gw_world *w, int not_this);
/* An official of country `c`, heavy-tailed by rank. */
size_t gw_person_of(gw_world *w, int c);

void gw_person_name(char *out, size_t size, const gw_world *w, size_t p, int form);
const char *gw_title(const gw_world *w, size_t p);
/* The person's ministry: its entity id (static buffer per call) and name, or NULL. */
const char *gw_org_id(const gw_world *w, size_t p, char *buf, size_t size);
void gw_org_name(char *out, size_t size, const gw_world *w, size_t p);

/* An agreement between the countries of two people: its number, its name, its kind. */
size_t gw_agreement(gw_world *w, int ca, int cb);
void gw_agreement_name(char *out, size_t size, const gw_world *w, size_t a);
const char *gw_agreement_kind(size_t a);

/* Where in country `c` a meeting is held, as one outlet writes it. */
void gw_place_name(char *out, size_t size, gw_world *w, int c);

/* "YYYY-MM-DD" of `day` days after 2015-01-01. */
void gw_date(char out[16], long day);
/* Lower case ASCII, runs of other characters made one '-', in place. */
void gw_slug(char *s);

#endif
