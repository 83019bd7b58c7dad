/*
 * dynlib.h -- libxml2, libzip and zlib, loaded when a document first needs
 * them (private; html.c, hwpx.c and hwp.c are the users, dynlib.c the
 * loader).
 *
 * Plain text, what ksplit reads most, needs neither library; linking them
 * brings in ICU, libstdc++ and libcrypto, whose loading was most of the
 * start-up of one short release (2.5 of 3.4 ms for an empty program linked
 * the same way).  So they are opened with dlopen on first use, by the
 * soname of the major version the headers describe, and called through
 * these tables.  Loading runs once per process under pthread_once and is
 * thread-safe; libxml2 is also initialised there (xmlInitParser must not
 * run in two threads at once).
 */
#ifndef KSPLIT_DYNLIB_H
#define KSPLIT_DYNLIB_H

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <zip.h>
#include <zlib.h>

#include "internal.h"

/* libxml2's XML_MAX_TEXT_LENGTH: without XML_PARSE_HUGE it cuts a longer
 * text node, so an input longer than this is parsed with it. */
#define KS_XML_TEXT_MAX 10000000

/* The libxml2 functions the readers call. */
typedef struct {
    htmlParserCtxtPtr (*htmlNewParserCtxt)(void);
    htmlDocPtr (*htmlCtxtReadMemory)(htmlParserCtxtPtr, const char *, int, const char *,
                                     const char *, int);
    void (*htmlFreeParserCtxt)(htmlParserCtxtPtr);
    xmlParserCtxtPtr (*xmlNewParserCtxt)(void);
    xmlDocPtr (*xmlCtxtReadMemory)(xmlParserCtxtPtr, const char *, int, const char *,
                                   const char *, int);
    void (*xmlFreeParserCtxt)(xmlParserCtxtPtr);
    xmlErrorPtr (*xmlCtxtGetLastError)(void *);
    xmlNodePtr (*xmlDocGetRootElement)(const xmlDoc *);
    void (*xmlFreeDoc)(xmlDocPtr);
    xmlChar *(*xmlGetProp)(const xmlNode *, const xmlChar *);
    xmlAttrPtr (*xmlHasProp)(const xmlNode *, const xmlChar *);
    xmlFreeFunc xmlFree; /* the free that xmlGetProp's strings need */
} ks_libxml;

/* The libzip functions the HWPX reader calls. */
typedef struct {
    void (*zip_error_init)(zip_error_t *);
    void (*zip_error_fini)(zip_error_t *);
    const char *(*zip_error_strerror)(zip_error_t *);
    zip_source_t *(*zip_source_buffer_create)(const void *, zip_uint64_t, int, zip_error_t *);
    void (*zip_source_free)(zip_source_t *);
    zip_t *(*zip_open_from_source)(zip_source_t *, int, zip_error_t *);
    void (*zip_discard)(zip_t *);
    zip_int64_t (*zip_name_locate)(zip_t *, const char *, zip_flags_t);
    zip_int64_t (*zip_get_num_entries)(zip_t *, zip_flags_t);
    const char *(*zip_get_name)(zip_t *, zip_uint64_t, zip_flags_t);
    void (*zip_stat_init)(zip_stat_t *);
    int (*zip_stat_index)(zip_t *, zip_uint64_t, zip_flags_t, zip_stat_t *);
    zip_file_t *(*zip_fopen_index)(zip_t *, zip_uint64_t, zip_flags_t);
    zip_int64_t (*zip_fread)(zip_file_t *, void *, zip_uint64_t);
    int (*zip_fclose)(zip_file_t *);
    const char *(*zip_strerror)(zip_t *);
    const char *(*zip_file_strerror)(zip_file_t *);
} ks_libzip;

/* The zlib functions the HWP reader calls (raw deflate streams). */
typedef struct {
    int (*inflateInit2_)(z_streamp, int, const char *, int);
    int (*inflate)(z_streamp, int);
    int (*inflateEnd)(z_streamp);
} ks_zlib;

/* zlib, loaded; NULL when it cannot be, with ERR set as ks_libxml_get's. */
const ks_zlib *ks_zlib_get(ks_error *err, const char *stage);

/* libxml2, loaded and initialised; NULL when it cannot be loaded, with ERR
 * set (KS_ERR_UNAVAILABLE, stage STAGE, the loader's reason). */
const ks_libxml *ks_libxml_get(ks_error *err, const char *stage);

/* libzip, loaded; NULL when it cannot be, with ERR set as above. */
const ks_libzip *ks_libzip_get(ks_error *err, const char *stage);

/* The tables, for code that runs after a successful ks_libxml_get /
 * ks_libzip_get in the same thread (pthread_once makes them visible). */
const ks_libxml *ks_libxml_api(void);
const ks_libzip *ks_libzip_api(void);

#endif
