// libxml2, opened on the first sitemap or Office document (see lazy.h): it brings ICU, which
// a page check does not need.
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "granska_lazy.h"
#include "lazy/forward.h"

#define L GRANSKA_SONAME_XML2

GRANSKA_LAZY_FORWARD(L, void, xmlInitParser, (void), ())
GRANSKA_LAZY_FORWARD(L, xmlDocPtr, xmlReadMemory, (const char* buf, int size, const char* url, const char* enc, int opts),
                  (buf, size, url, enc, opts))
GRANSKA_LAZY_FORWARD(L, xmlNodePtr, xmlDocGetRootElement, (const xmlDoc* doc), (doc))
GRANSKA_LAZY_FORWARD(L, void, xmlFreeDoc, (xmlDocPtr doc), (doc))
GRANSKA_LAZY_FORWARD(L, xmlParserCtxtPtr, xmlCreatePushParserCtxt,
                  (xmlSAXHandlerPtr sax, void* user, const char* chunk, int size, const char* file),
                  (sax, user, chunk, size, file))
GRANSKA_LAZY_FORWARD(L, int, xmlCtxtUseOptions, (xmlParserCtxtPtr ctxt, int opts), (ctxt, opts))
GRANSKA_LAZY_FORWARD(L, int, xmlParseChunk, (xmlParserCtxtPtr ctxt, const char* chunk, int size, int terminate),
                  (ctxt, chunk, size, terminate))
GRANSKA_LAZY_FORWARD(L, void, xmlStopParser, (xmlParserCtxtPtr ctxt), (ctxt))
GRANSKA_LAZY_FORWARD(L, void, xmlFreeParserCtxt, (xmlParserCtxtPtr ctxt), (ctxt))
