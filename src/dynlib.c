/*
 * dynlib.c -- open libxml2 and libzip on first use (see dynlib.h for why).
 *
 * Each library is opened once per process (pthread_once) by the soname of
 * the major version whose headers ksplit was built with (or the file that
 * KSPLIT_LIBXML2 / KSPLIT_LIBZIP names), every function
 * is looked up, and the table is kept for the life of the process.  A
 * library that is missing, or lacks a function, makes every later request
 * fail the same way, with dlerror()'s words in the message.
 */
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dynlib.h"

/* The sonames of the major versions the headers describe: libxml2 2.x up
 * to 2.13 is libxml2.so.2 (2.14 began .so.16); libzip is .so.4 in Debian 12,
 * and .so.5 is tried after it for later releases (the functions used here
 * are the same in both). */
#if LIBXML_VERSION >= 21400
static const char *const S_xml_names[] = {"libxml2.so.16", NULL};
#else
static const char *const S_xml_names[] = {"libxml2.so.2", NULL};
#endif
static const char *const S_zip_names[] = {"libzip.so.4", "libzip.so.5", NULL};

/* The compiler checks each table entry against the library's own
 * declaration (GCC and Clang; the address is never taken). */
#if defined(__GNUC__)
#define S_SAME_TYPE(field, fn)                                                                 \
    _Static_assert(__builtin_types_compatible_p(__typeof__(&fn), __typeof__(field)),       \
                   #fn " does not match its table entry")
#else
#define S_SAME_TYPE(field, fn)
#endif

typedef struct {
    void *handle;
    bool ok;
    char why[160];
} S_lib;

static S_lib S_xml, S_zip;
static ks_libxml S_xml_api;
static ks_libzip S_zip_api;
static pthread_once_t S_xml_once = PTHREAD_ONCE_INIT, S_zip_once = PTHREAD_ONCE_INIT;

/* Open the library named by the environment variable ENV when it is set
 * (a copy outside the loader's search path), else the first of NAMES. */
static bool S_open(S_lib *lib, const char *env, const char *const *names)
{
    const char *path = getenv(env);
    if (path && *path)
        lib->handle = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    for (size_t i = 0; !(path && *path) && names[i] && !lib->handle; i++)
        lib->handle = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
    if (!lib->handle) {
        const char *e = dlerror();
        snprintf(lib->why, sizeof lib->why, "%s", e ? e : names[0]);
    }
    return lib->handle != NULL;
}

/* Look NAME up into *FN (a function pointer of any type). */
static bool S_sym(S_lib *lib, const char *name, void *fn, size_t size)
{
    void *p = dlsym(lib->handle, name);
    if (!p) {
        snprintf(lib->why, sizeof lib->why, "it has no %s", name);
        return false;
    }
    /* POSIX guarantees a data pointer can hold a function's address */
    memcpy(fn, &p, size);
    return true;
}

#define S_GET(lib, api, fn) S_sym(lib, #fn, &(api).fn, sizeof(api).fn)

static void S_load_xml(void)
{
    S_SAME_TYPE(S_xml_api.htmlNewParserCtxt, htmlNewParserCtxt);
    S_SAME_TYPE(S_xml_api.htmlCtxtReadMemory, htmlCtxtReadMemory);
    S_SAME_TYPE(S_xml_api.htmlFreeParserCtxt, htmlFreeParserCtxt);
    S_SAME_TYPE(S_xml_api.xmlNewParserCtxt, xmlNewParserCtxt);
    S_SAME_TYPE(S_xml_api.xmlCtxtReadMemory, xmlCtxtReadMemory);
    S_SAME_TYPE(S_xml_api.xmlFreeParserCtxt, xmlFreeParserCtxt);
    S_SAME_TYPE(S_xml_api.xmlCtxtGetLastError, xmlCtxtGetLastError);
    S_SAME_TYPE(S_xml_api.xmlDocGetRootElement, xmlDocGetRootElement);
    S_SAME_TYPE(S_xml_api.xmlFreeDoc, xmlFreeDoc);
    S_SAME_TYPE(S_xml_api.xmlGetProp, xmlGetProp);
    S_SAME_TYPE(S_xml_api.xmlHasProp, xmlHasProp);
    S_lib *l = &S_xml;
    void (*init)(void) = NULL;
    int (*memget)(xmlFreeFunc *, xmlMallocFunc *, xmlReallocFunc *, xmlStrdupFunc *) = NULL;
    if (!S_open(l, "KSPLIT_LIBXML2", S_xml_names) || !S_sym(l, "xmlInitParser", &init, sizeof init) ||
        !S_sym(l, "xmlMemGet", &memget, sizeof memget) ||
        !S_GET(l, S_xml_api, htmlNewParserCtxt) || !S_GET(l, S_xml_api, htmlCtxtReadMemory) ||
        !S_GET(l, S_xml_api, htmlFreeParserCtxt) || !S_GET(l, S_xml_api, xmlNewParserCtxt) ||
        !S_GET(l, S_xml_api, xmlCtxtReadMemory) || !S_GET(l, S_xml_api, xmlFreeParserCtxt) ||
        !S_GET(l, S_xml_api, xmlCtxtGetLastError) || !S_GET(l, S_xml_api, xmlDocGetRootElement) ||
        !S_GET(l, S_xml_api, xmlFreeDoc) || !S_GET(l, S_xml_api, xmlGetProp) ||
        !S_GET(l, S_xml_api, xmlHasProp))
        return;
    init(); /* libxml2 2.9's xmlInitParser races in two threads at once */
    xmlMallocFunc m;
    xmlReallocFunc r;
    xmlStrdupFunc d;
    if (memget(&S_xml_api.xmlFree, &m, &r, &d) != 0 || !S_xml_api.xmlFree) {
        snprintf(l->why, sizeof l->why, "xmlMemGet failed");
        return;
    }
    l->ok = true;
}

static void S_load_zip(void)
{
    S_SAME_TYPE(S_zip_api.zip_error_init, zip_error_init);
    S_SAME_TYPE(S_zip_api.zip_error_fini, zip_error_fini);
    S_SAME_TYPE(S_zip_api.zip_error_strerror, zip_error_strerror);
    S_SAME_TYPE(S_zip_api.zip_source_buffer_create, zip_source_buffer_create);
    S_SAME_TYPE(S_zip_api.zip_source_free, zip_source_free);
    S_SAME_TYPE(S_zip_api.zip_open_from_source, zip_open_from_source);
    S_SAME_TYPE(S_zip_api.zip_discard, zip_discard);
    S_SAME_TYPE(S_zip_api.zip_name_locate, zip_name_locate);
    S_SAME_TYPE(S_zip_api.zip_get_num_entries, zip_get_num_entries);
    S_SAME_TYPE(S_zip_api.zip_get_name, zip_get_name);
    S_SAME_TYPE(S_zip_api.zip_stat_init, zip_stat_init);
    S_SAME_TYPE(S_zip_api.zip_stat_index, zip_stat_index);
    S_SAME_TYPE(S_zip_api.zip_fopen_index, zip_fopen_index);
    S_SAME_TYPE(S_zip_api.zip_fread, zip_fread);
    S_SAME_TYPE(S_zip_api.zip_fclose, zip_fclose);
    S_SAME_TYPE(S_zip_api.zip_strerror, zip_strerror);
    S_SAME_TYPE(S_zip_api.zip_file_strerror, zip_file_strerror);
    S_lib *l = &S_zip;
    S_zip.ok = S_open(l, "KSPLIT_LIBZIP", S_zip_names) && S_GET(l, S_zip_api, zip_error_init) &&
               S_GET(l, S_zip_api, zip_error_fini) && S_GET(l, S_zip_api, zip_error_strerror) &&
               S_GET(l, S_zip_api, zip_source_buffer_create) &&
               S_GET(l, S_zip_api, zip_source_free) && S_GET(l, S_zip_api, zip_open_from_source) &&
               S_GET(l, S_zip_api, zip_discard) && S_GET(l, S_zip_api, zip_name_locate) &&
               S_GET(l, S_zip_api, zip_get_num_entries) && S_GET(l, S_zip_api, zip_get_name) &&
               S_GET(l, S_zip_api, zip_stat_init) && S_GET(l, S_zip_api, zip_stat_index) &&
               S_GET(l, S_zip_api, zip_fopen_index) && S_GET(l, S_zip_api, zip_fread) &&
               S_GET(l, S_zip_api, zip_fclose) && S_GET(l, S_zip_api, zip_strerror) &&
               S_GET(l, S_zip_api, zip_file_strerror);
}

const ks_libxml *ks_libxml_get(ks_error *err, const char *stage)
{
    (void)pthread_once(&S_xml_once, S_load_xml);
    if (S_xml.ok)
        return &S_xml_api;
    ks_error_set(err, KS_ERR_UNAVAILABLE, stage, 0, 0, "libxml2 cannot be loaded: %s", S_xml.why);
    return NULL;
}

const ks_libxml *ks_libxml_api(void)
{
    return &S_xml_api;
}

const ks_libzip *ks_libzip_api(void)
{
    return &S_zip_api;
}

const ks_libzip *ks_libzip_get(ks_error *err, const char *stage)
{
    (void)pthread_once(&S_zip_once, S_load_zip);
    if (S_zip.ok)
        return &S_zip_api;
    ks_error_set(err, KS_ERR_UNAVAILABLE, stage, 0, 0, "libzip cannot be loaded: %s", S_zip.why);
    return NULL;
}
