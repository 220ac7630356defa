# A course-style crawler: pull links, titles and e-mails out of an HTML page, parse a log.
import re
from collections import Counter

HTML = """<!DOCTYPE html>
<html><head><title>Async 教程 | Python</title></head>
<body>
  <a href="https://example.com/page1">Page 1</a>
  <A HREF='/relative/page2.html' class="nav">Page 2</a>
  <a class="x" href="https://例子.测试/路径?q=中文&amp;x=1">中文链接</a>
  <a name="anchor">no href</a>
  <img src="/img/logo.png" alt="logo">
  <a href="mailto:teacher@school.edu">mail</a>
  <p>Contact: alice@example.com, bob.smith@mail.example.org</p>
  <a href = "https://example.com/page1#top" >dup</a>
</body></html>"""

LINK = re.compile(r'<a\s[^>]*?href\s*=\s*["\']([^"\']+)["\']', re.IGNORECASE)
links = LINK.findall(HTML)
for link in links:
    print(link)
print(re.search(r'<title>(.*?)</title>', HTML, re.S).group(1))
print(re.findall(r'[\w.]+@[\w.]+\.\w+', HTML))
absolute = [l for l in links if re.match(r'https?://', l)]
print(len(absolute), sorted({re.sub(r'#.*$', '', l) for l in absolute}))
hosts = Counter(m.group('host') for m in re.finditer(r'https?://(?P<host>[^/:?#]+)', HTML))
print(hosts.most_common())
text = re.sub(r'<[^>]+>', '', HTML)
print([line.strip() for line in text.splitlines() if line.strip()])

LOG = """2024-05-01 12:00:01 INFO  worker-1 fetched https://example.com/a in 0.25s
2024-05-01 12:00:02 ERROR worker-2 timeout after 5.00s url=https://example.com/b
2024-05-01 12:00:03 INFO  worker-1 fetched https://example.com/c in 1.50s
2024-05-01 12:00:04 WARN  worker-3 retry 2/3 https://example.com/b
bad line
"""
entry = re.compile(r'''
    ^(?P<date>\d{4}-\d{2}-\d{2})\s
    (?P<time>[\d:]{8})\s+
    (?P<level>[A-Z]+)\s+
    (?P<worker>worker-\d+)\s
    (?P<msg>.*)$''', re.VERBOSE | re.MULTILINE)
for m in entry.finditer(LOG):
    print(m['level'], m['worker'], repr(m['msg']))
print(Counter(m['level'] for m in entry.finditer(LOG)))
print(sum(float(x) for x in re.findall(r'in (\d+\.\d+)s', LOG)))
print(entry.sub(lambda m: f"{m['time']} {m['level'][0]}", LOG))
