/*
 * dynlib.c -- open libxml2, libzip and zlib on first use (see dynlib.h for
 * why).
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
static const char *const S_z_names[] = {"libz.so.1", NULL};

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

static S_lib S_xml, S_zip, S_z;
static ks_libxml S_xml_api;
static ks_libzip S_zip_api;
static ks_zlib S_z_api;
static pthread_once_t S_xml_once = PTHREAD_ONCE_INIT, S_zip_once = PTHREAD_ONCE_INIT,
                      S_z_once = PTHREAD_ONCE_INIT;

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

/* Each library's functions, listed once: every name is both checked
 * against its declaration and looked up. */
#define S_XML_FUNCS(X)                                                                         \
    X(S_xml_api, htmlNewParserCtxt) X(S_xml_api, htmlCtxtReadMemory)                           \
    X(S_xml_api, htmlFreeParserCtxt) X(S_xml_api, xmlNewParserCtxt)                            \
    X(S_xml_api, xmlCtxtReadMemory) X(S_xml_api, xmlFreeParserCtxt)                            \
    X(S_xml_api, xmlCtxtGetLastError) X(S_xml_api, xmlDocGetRootElement)                       \
    X(S_xml_api, xmlFreeDoc) X(S_xml_api, xmlGetProp) X(S_xml_api, xmlHasProp)
#define S_ZIP_FUNCS(X)                                                                         \
    X(S_zip_api, zip_error_init) X(S_zip_api, zip_error_fini)                                  \
    X(S_zip_api, zip_error_strerror) X(S_zip_api, zip_source_buffer_create)                    \
    X(S_zip_api, zip_source_free) X(S_zip_api, zip_open_from_source)                           \
    X(S_zip_api, zip_discard) X(S_zip_api, zip_name_locate) X(S_zip_api, zip_get_num_entries)  \
    X(S_zip_api, zip_get_name) X(S_zip_api, zip_stat_init) X(S_zip_api, zip_stat_index)        \
    X(S_zip_api, zip_fopen_index) X(S_zip_api, zip_fread) X(S_zip_api, zip_fclose)             \
    X(S_zip_api, zip_strerror) X(S_zip_api, zip_file_strerror)

#define S_Z_FUNCS(X) X(S_z_api, inflateInit2_) X(S_z_api, inflate) X(S_z_api, inflateEnd)

#define S_CHECK(api, fn) S_SAME_TYPE((api).fn, fn);
#define S_LOOKUP(api, fn) &&S_sym(l, #fn, &(api).fn, sizeof(api).fn)

static void S_load_xml(void)
{
    S_XML_FUNCS(S_CHECK)
    S_lib *l = &S_xml;
    void (*init)(void) = NULL;
    int (*memget)(xmlFreeFunc *, xmlMallocFunc *, xmlReallocFunc *, xmlStrdupFunc *) = NULL;
    if (!(S_open(l, "KSPLIT_LIBXML2", S_xml_names) && S_sym(l, "xmlInitParser", &init, sizeof init) &&
          S_sym(l, "xmlMemGet", &memget, sizeof memget) S_XML_FUNCS(S_LOOKUP)))
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
    S_ZIP_FUNCS(S_CHECK)
    S_lib *l = &S_zip;
    l->ok = S_open(l, "KSPLIT_LIBZIP", S_zip_names) S_ZIP_FUNCS(S_LOOKUP);
}

static void S_load_z(void)
{
    S_Z_FUNCS(S_CHECK)
    S_lib *l = &S_z;
    l->ok = S_open(l, "KSPLIT_LIBZ", S_z_names) S_Z_FUNCS(S_LOOKUP);
}

/* Load library L once (LOAD under ONCE); false, with ERR set for STAGE,
 * when it cannot be had. */
static bool S_ready(pthread_once_t *once, void (*load)(void), const S_lib *l, const char *name,
                    ks_error *err, const char *stage)
{
    (void)pthread_once(once, load);
    if (!l->ok)
        ks_error_set(err, KS_ERR_UNAVAILABLE, stage, 0, 0, "%s cannot be loaded: %s", name, l->why);
    return l->ok;
}

const ks_libxml *ks_libxml_get(ks_error *err, const char *stage)
{
    return S_ready(&S_xml_once, S_load_xml, &S_xml, "libxml2", err, stage) ? &S_xml_api : NULL;
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
    return S_ready(&S_zip_once, S_load_zip, &S_zip, "libzip", err, stage) ? &S_zip_api : NULL;
}

const ks_zlib *ks_zlib_get(ks_error *err, const char *stage)
{
    return S_ready(&S_z_once, S_load_z, &S_z, "zlib", err, stage) ? &S_z_api : NULL;
}
