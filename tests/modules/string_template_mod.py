# string.Template is CPython's own (string.py on re): custom delimiters and id patterns,
# get_identifiers, is_valid, error positions.
import string

t = string.Template('$who likes ${what} $$ $')
print(t.safe_substitute(who='tim', what='kung pao'))
print(t.get_identifiers(), t.is_valid(), string.Template('$a ${b}').is_valid())
try:
    t.substitute(who='x', what='y')
except ValueError as e:
    print('ValueError', e)
try:
    string.Template('line one\n  bad $ here').substitute()
except ValueError as e:
    print('ValueError', e)
try:
    string.Template('$missing').substitute({})
except KeyError as e:
    print('KeyError', e)


class Percent(string.Template):
    delimiter = '%'


print(Percent('%who and $x, 100%%').substitute(who='bob'))


class Upper(string.Template):
    idpattern = r'(?-i:[A-Z]+)'


print(Upper('$NAME is $lower').safe_substitute(NAME='ok', lower='no'))


class Braces(string.Template):
    braceidpattern = r'[a-z]+\.[a-z]+'


print(Braces('${user.name} $plain').safe_substitute({'user.name': 'ann', 'plain': 'p'}))
try:
    string.Template('$名字').substitute(名字='张三')  # the default idpattern is ASCII only
except ValueError as e:
    print('ValueError', e)
print(string.Template.delimiter, string.Template.flags, Percent.pattern.pattern.count('%'))
print(string.capwords(' hello   big world '), string.capwords('a-b-c', '-'))
