# datetime (CPython's own datetime.py on loopscope's VM) on fixed dates: arithmetic, formatting,
# parsing ISO strings, time zones with fixed offsets, ordering and hashing.
from datetime import date, datetime, time, timedelta, timezone
import datetime as dt_module

d = datetime(2024, 3, 5, 14, 7, 9, 123456)
print(d, repr(d), d.isoformat(), d.strftime("%Y/%m/%d %H:%M:%S %a %j"), d.weekday(), d.isoweekday())
print(d + timedelta(days=40, hours=13), d - datetime(2020, 1, 1), d.date(), d.time())
print(timedelta(seconds=3661.5), repr(timedelta(days=-1, seconds=5)), timedelta(weeks=1).total_seconds())
print(timedelta(hours=1) * 2.5, timedelta(hours=1) / timedelta(minutes=7), -timedelta(days=1, microseconds=1))
print(date(2024, 2, 29).replace(year=2028), date.fromisoformat("2021-12-31").toordinal(), date.fromordinal(738155))
print(datetime.fromtimestamp(0, timezone.utc), datetime.utcfromtimestamp(86400 * 365), datetime.fromtimestamp(1e9, timezone.utc))
print(datetime.fromisoformat("2011-11-04T00:05:23+04:00"), f"{d:%H:%M}", d.replace(tzinfo=timezone.utc).timestamp())
print(sorted([date(2020, 1, 2), date(2019, 5, 5)]), hash(d) == hash(datetime(2024, 3, 5, 14, 7, 9, 123456)))
tz = timezone(timedelta(hours=8), "CST")
shanghai = datetime(2024, 1, 1, 8, 0, tzinfo=tz)
print(shanghai, shanghai.astimezone(timezone.utc), shanghai.tzname(), shanghai.utcoffset(), repr(tz))
print(time(13, 5, 7, 250000).isoformat(timespec="milliseconds"), time(1, 2) < time(1, 3), date.min, date.max)
print(dt_module.MINYEAR, dt_module.MAXYEAR, date(2024, 12, 30).isocalendar())
try:
    date(2023, 2, 29)
except ValueError as e:
    print("ValueError:", e)
try:
    d - 5
except TypeError as e:
    print("TypeError:", e)
print(datetime.combine(date(2000, 1, 1), time(12)), date(2024, 3, 5).ctime(), d.timetuple())
