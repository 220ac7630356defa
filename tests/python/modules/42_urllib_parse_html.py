# urllib.parse and html as a crawler example uses them.
from urllib.parse import (urlparse, urljoin, urlencode, quote, quote_plus, unquote,
                          unquote_plus, parse_qs, parse_qsl, urlsplit, urlunparse, urldefrag)
import urllib.parse
import html
import html.entities

u = urlparse("https://user:pw@Example.com:8080/path/to;params?q=1&lang=en#frag")
print(u)
print(u.scheme, u.netloc, u.hostname, u.port, u.path, u.params, u.query, u.fragment)
print(u.username, u.password, u.geturl())
print(u._replace(fragment="").geturl(), urlunparse(u))
print(urlsplit("http://[::1]:80/a?b"))
print(urlsplit("http://[::1]:80/a?b").hostname)
base = "https://example.com/docs/guide/index.html"
for link in ["intro.html", "../api/", "/about", "//cdn.example.org/x.js", "#top", "?page=2",
             "https://other.org/", "mailto:a@b.c", ""]:
    print(repr(link), "->", urljoin(base, link))
print(urlencode({"q": "async io", "page": 2, "tags": "a&b"}))
print(urlencode([("x", 1), ("x", 2)]), urlencode({"k": ["a", "b"]}, doseq=True))
print(quote("a b/c?d=é"), quote("a b/c", safe=""), quote_plus("a b&c"), unquote("%E4%BD%A0%20x"), unquote_plus("a+b%21"))
print(parse_qs("a=1&b=2&a=3&c="), parse_qs("c=&d", keep_blank_values=True))
print(parse_qsl("x=1&y=hello+world&z=%2F"))
print(urldefrag("http://a/b#c"), urllib.parse.urlunsplit(("https", "h", "/p", "q=1", "")))
print(urlparse("example.com/path"), urlparse("/just/path?x=1").query)
print(urllib.parse.quote_from_bytes(b"\x00\xff"), urllib.parse.unquote_to_bytes("%41%42"))
try:
    urlparse("http://[::1/").hostname
except ValueError as e:
    print("ValueError", e)
try:
    urlsplit("http://h:99999/").port
except ValueError as e:
    print("ValueError", e)
try:
    urlencode("abc")
except TypeError as e:
    print("TypeError", e)

print(html.escape('<a href="x">Tom & \'Jerry\'</a>'), html.escape("<b>", quote=False))
print(html.unescape("&lt;p&gt; &amp;amp; &copy; &eacute;t&eacute; &#8364; &#x41; &hellip; &notit; &bogus;"))
print(html.entities.name2codepoint["amp"], html.entities.codepoint2name[169], html.entities.html5["gt;"])
print(len(html.entities.html5), len(html.entities.entitydefs))
