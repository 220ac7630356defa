# time: struct_time, gmtime/localtime, mktime, asctime/ctime and strftime on fixed timestamps
# (CPython with TZ=UTC: a loopscope run has no time zone).
import time
t=time.gmtime(0); print(t); print(repr(t), type(t), type(t).__name__, type(t).__module__, len(t), t[0], t.tm_zone, t.tm_gmtoff)
print(time.asctime(t), time.ctime(86400*365.25*30+3661.7), time.mktime(time.localtime(1000.5)))
print(time.strftime('%a %A %b %B %c|%d %H %I %j %m %M %p %S %U %w %W %x %X %y %Y %Z %z %% %e %T %D %F %R %u %V %G %C %h %r %k %l %s', time.gmtime(1e9)))
print(time.timezone, time.altzone, time.daylight, time.tzname)
print(time.gmtime(1e9)[:3], t==time.gmtime(0.9))
try: time.strftime('%Y', (1,))
except Exception as e: print(type(e).__name__, e)
try: time.gmtime('x')
except Exception as e: print(type(e).__name__, e)
print(time.struct_time((2020,1,2,3,4,5,6,7,0)))
print(time.strftime('%Y-%m-%d', (2020,1,2,3,4,5,6,7,0)))
print(time.strftime('%Q|%5Y|%-d|%_H|%10A|', time.gmtime(0)))
for s in [0, 86399, -1, 951782400, 1e9, 2**31, 4102444800, -86400*365*100, 1709164800+86400*300]:
    g = time.gmtime(s)
    print(tuple(g), time.strftime('%U %W %V %G %g %j', g), time.mktime(g))
for y in range(1998, 2030):
    for md in ((1,1),(1,3),(12,29),(12,31)):
        g = time.gmtime(time.mktime((y, md[0], md[1], 0, 0, 0, 0, 0, 0)))
        print(time.strftime('%F %a %U %W %V %G', g), end=';')
print()
print(time.mktime((2020, 14, 0, 25, 61, 61, 0, 0, 0)))
try: time.strftime('%Y', (2020, 13, 1, 0, 0, 0, 0, 1, 0))
except ValueError as e: print(e)
print(time.strftime("%H:%M", (2020, 0, 1, 0, 0, 0, 0, 0, 0)))
