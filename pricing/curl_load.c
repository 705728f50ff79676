/* curl_load.c — libcurl loaded on first use.
 *
 * Linking libcurl pulls some thirty libraries (TLS, Kerberos, LDAP, SSH,
 * IDN…) into every start of staketop; on this class of machine their page
 * faults alone cost about 11 ms, more than everything `staketop report`
 * does. Commands that never fetch should not pay it, so the program is not
 * linked against libcurl: these definitions of the libcurl functions the
 * HTTP layer calls load libcurl.so.4 with dlopen() the first time one is
 * used and forward to it. Nothing else changes: pricing/http.c calls
 * libcurl's documented API as usual.
 *
 * If the library cannot be loaded, curl_global_init() fails with
 * CURLE_FAILED_INIT (and the init functions return NULL), which the HTTP
 * layer reports as "libcurl cannot start". */
#define CURL_DISABLE_TYPECHECK 1
#include <curl/curl.h>

#include <dlfcn.h>
#include <pthread.h>
#include <stdarg.h>
#include <stddef.h>

#define LIBCURL_SONAME "libcurl.so.4"

/* The table of what we call; X(name, return type, parameters). */
#define CURL_FUNCS(X)                                                                    \
	X(curl_global_init, CURLcode, (long))                                            \
	X(curl_global_cleanup, void, (void))                                             \
	X(curl_easy_init, CURL *, (void))                                                \
	X(curl_easy_cleanup, void, (CURL *))                                             \
	X(curl_easy_setopt, CURLcode, (CURL *, CURLoption, ...))                         \
	X(curl_easy_getinfo, CURLcode, (CURL *, CURLINFO, ...))                          \
	X(curl_easy_strerror, const char *, (CURLcode))                                  \
	X(curl_free, void, (void *))                                                     \
	X(curl_slist_append, struct curl_slist *, (struct curl_slist *, const char *))   \
	X(curl_slist_free_all, void, (struct curl_slist *))                              \
	X(curl_multi_init, CURLM *, (void))                                              \
	X(curl_multi_cleanup, CURLMcode, (CURLM *))                                      \
	X(curl_multi_add_handle, CURLMcode, (CURLM *, CURL *))                           \
	X(curl_multi_remove_handle, CURLMcode, (CURLM *, CURL *))                        \
	X(curl_multi_perform, CURLMcode, (CURLM *, int *))                               \
	X(curl_multi_poll, CURLMcode, (CURLM *, struct curl_waitfd *, unsigned, int, int *)) \
	X(curl_multi_timeout, CURLMcode, (CURLM *, long *))                              \
	X(curl_multi_info_read, CURLMsg *, (CURLM *, int *))                             \
	X(curl_url, CURLU *, (void))                                                     \
	X(curl_url_cleanup, void, (CURLU *))                                             \
	X(curl_url_get, CURLUcode, (CURLU *, CURLUPart, char **, unsigned int))    \
	X(curl_url_set, CURLUcode, (CURLU *, CURLUPart, const char *, unsigned int))     \
	X(curl_url_strerror, const char *, (CURLUcode))

#define DECLARE_PTR(name, ret, params) static ret(*p_##name) params;
CURL_FUNCS(DECLARE_PTR)

static pthread_once_t once = PTHREAD_ONCE_INIT;
static int loaded; /* 1 when every symbol was found */

static void load(void)
{
	void *h = dlopen(LIBCURL_SONAME, RTLD_NOW | RTLD_LOCAL);
	if (!h)
		return;
	int ok = 1;
	/* POSIX guarantees a data pointer from dlsym converts to a function
	 * pointer; the union says so without a cast warning. */
#define LOOKUP(name, ret, params)                                                        \
	{                                                                                \
		union {                                                                  \
			void *obj;                                                       \
			ret(*fn) params;                                                 \
		} u = { .obj = dlsym(h, #name) };                                        \
		p_##name = u.fn;                                                         \
		ok = ok && u.obj != NULL;                                                \
	}
	CURL_FUNCS(LOOKUP)
#undef LOOKUP
	loaded = ok;
}

static int ready(void)
{
	pthread_once(&once, load);
	return loaded;
}

CURLcode curl_global_init(long flags)
{
	return ready() ? p_curl_global_init(flags) : CURLE_FAILED_INIT;
}

void curl_global_cleanup(void)
{
	if (ready())
		p_curl_global_cleanup();
}

CURL *curl_easy_init(void)
{
	return ready() ? p_curl_easy_init() : NULL;
}

void curl_easy_cleanup(CURL *c)
{
	if (ready())
		p_curl_easy_cleanup(c);
}

/* An option's argument is a long, a pointer (object or function), or a
 * curl_off_t, by the option's number range (curl.h's CURLOPTTYPE_*). */
CURLcode curl_easy_setopt(CURL *c, CURLoption opt, ...)
{
	if (!ready())
		return CURLE_FAILED_INIT;
	va_list ap;
	CURLcode rc;
	va_start(ap, opt);
	if (opt < CURLOPTTYPE_OBJECTPOINT) {
		long v = va_arg(ap, long);
		rc = p_curl_easy_setopt(c, opt, v);
	} else if (opt < CURLOPTTYPE_OFF_T) {
		/* object and function pointers share a representation on every
		 * platform libcurl supports; curl's own code passes them as such */
		void *v = va_arg(ap, void *);
		rc = p_curl_easy_setopt(c, opt, v);
	} else if (opt < CURLOPTTYPE_BLOB) {
		curl_off_t v = va_arg(ap, curl_off_t);
		rc = p_curl_easy_setopt(c, opt, v);
	} else {
		void *v = va_arg(ap, void *);
		rc = p_curl_easy_setopt(c, opt, v);
	}
	va_end(ap);
	return rc;
}

/* Every getinfo argument is a pointer to where the answer goes. */
CURLcode curl_easy_getinfo(CURL *c, CURLINFO info, ...)
{
	if (!ready())
		return CURLE_FAILED_INIT;
	va_list ap;
	va_start(ap, info);
	void *out = va_arg(ap, void *);
	va_end(ap);
	return p_curl_easy_getinfo(c, info, out);
}

const char *curl_easy_strerror(CURLcode code)
{
	return ready() ? p_curl_easy_strerror(code) : "libcurl could not be loaded";
}

void curl_free(void *p)
{
	if (ready())
		p_curl_free(p);
}

struct curl_slist *curl_slist_append(struct curl_slist *l, const char *s)
{
	return ready() ? p_curl_slist_append(l, s) : NULL;
}

void curl_slist_free_all(struct curl_slist *l)
{
	if (ready())
		p_curl_slist_free_all(l);
}

CURLM *curl_multi_init(void)
{
	return ready() ? p_curl_multi_init() : NULL;
}

CURLMcode curl_multi_cleanup(CURLM *m)
{
	return ready() ? p_curl_multi_cleanup(m) : CURLM_INTERNAL_ERROR;
}

CURLMcode curl_multi_add_handle(CURLM *m, CURL *c)
{
	return ready() ? p_curl_multi_add_handle(m, c) : CURLM_INTERNAL_ERROR;
}

CURLMcode curl_multi_remove_handle(CURLM *m, CURL *c)
{
	return ready() ? p_curl_multi_remove_handle(m, c) : CURLM_INTERNAL_ERROR;
}

CURLMcode curl_multi_perform(CURLM *m, int *running)
{
	return ready() ? p_curl_multi_perform(m, running) : CURLM_INTERNAL_ERROR;
}

CURLMcode curl_multi_poll(CURLM *m, struct curl_waitfd *extra, unsigned n, int timeout_ms,
                          int *numfds)
{
	return ready() ? p_curl_multi_poll(m, extra, n, timeout_ms, numfds) : CURLM_INTERNAL_ERROR;
}

CURLMcode curl_multi_timeout(CURLM *m, long *ms)
{
	return ready() ? p_curl_multi_timeout(m, ms) : CURLM_INTERNAL_ERROR;
}

CURLMsg *curl_multi_info_read(CURLM *m, int *left)
{
	return ready() ? p_curl_multi_info_read(m, left) : NULL;
}

CURLU *curl_url(void)
{
	return ready() ? p_curl_url() : NULL;
}

void curl_url_cleanup(CURLU *u)
{
	if (ready())
		p_curl_url_cleanup(u);
}

CURLUcode curl_url_get(CURLU *u, CURLUPart what, char **part, unsigned int flags)
{
	return ready() ? p_curl_url_get(u, what, part, flags) : CURLUE_OUT_OF_MEMORY;
}

CURLUcode curl_url_set(CURLU *u, CURLUPart what, const char *part, unsigned int flags)
{
	return ready() ? p_curl_url_set(u, what, part, flags) : CURLUE_OUT_OF_MEMORY;
}

const char *curl_url_strerror(CURLUcode code)
{
	return ready() ? p_curl_url_strerror(code) : "libcurl could not be loaded";
}
