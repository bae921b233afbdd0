#ifndef EVG_MODEL_COUNTRIES_H
#define EVG_MODEL_COUNTRIES_H

#include <jansson.h>

/*
 * The names people write for each country, from the data embedded in the
 * library: iso-codes' name, common name and official name, and the
 * lexicon's (countries.json) name, other names and adjectives ("UK",
 * "Britain", "British"; "USSR", "Soviet"). A new JSON object mapping each
 * ISO alpha-3 code to an array of those names, in that order, each once; NULL
 * when out of memory. Capitals and cities are left out: "Washington" is as
 * often a person.
 */
json_t *evg_i_country_forms(void);

#endif
