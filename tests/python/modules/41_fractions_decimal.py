# fractions and decimal: exact arithmetic as course scripts show it.
from fractions import Fraction
from decimal import Decimal, getcontext, localcontext, ROUND_HALF_UP, InvalidOperation
import decimal
import numbers

a, b = Fraction(3, 4), Fraction("2/3")
print(a + b, a - b, a * b, a / b, a ** 2, -a, abs(-a))
print(repr(a), str(Fraction(6, 4)), Fraction(0.25), Fraction("1.5"), Fraction(Decimal("0.1")))
print(a < b, a == Fraction(6, 8), a == 0.75, hash(a) == hash(0.75), a + 1, 1 - a, a * 2.0)
print(Fraction(355, 113).limit_denominator(10), Fraction(1, 3).as_integer_ratio())
print(float(a), int(Fraction(7, 2)), round(Fraction(7, 2)), round(Fraction(5, 2)), round(Fraction(22, 7), 2))
print(a.numerator, a.denominator, Fraction.from_float(0.1), Fraction.from_decimal(Decimal("3.14")))
print(sum([Fraction(1, n) for n in range(1, 6)]), f"{float(Fraction(1, 3)):.3f}")
print(isinstance(a, numbers.Rational), isinstance(1, numbers.Integral), isinstance(1.5, numbers.Real))
print(isinstance(1.5, numbers.Rational), isinstance(a, numbers.Number), isinstance("x", numbers.Number))
for bad in (lambda: Fraction(1, 0), lambda: Fraction("abc"), lambda: a + "x", lambda: Fraction(1.5, 2)):
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

x, y = Decimal("1.10"), Decimal("2.205")
print(x + y, x * y, y / x, x - y, -x, abs(Decimal("-3")), x ** 2)
print(repr(x), str(Decimal(0.1)), Decimal(10), Decimal("1e3"), Decimal("-0"), Decimal("NaN"), Decimal("inf"))
print(Decimal("0.1") + Decimal("0.2") == Decimal("0.3"), 0.1 + 0.2 == 0.3)
print(Decimal("2").sqrt(), Decimal(1) / Decimal(7), Decimal("10").ln(), Decimal("100").log10())
print(Decimal("3.14159").quantize(Decimal("0.01")), Decimal("2.5").quantize(Decimal("1"), rounding=ROUND_HALF_UP))
print(round(Decimal("2.675"), 2), round(Decimal("7.5")), int(Decimal("7.9")), float(Decimal("1.25")))
print(Decimal("1.500").normalize(), Decimal("12.345").as_tuple(), Decimal("5") // Decimal("2"), Decimal("-7") % Decimal("3"))
print(f"{Decimal('1234.5678'):,.2f}", f"{Decimal('0.5'):%}", format(Decimal("1e-7"), "f"), f"{Decimal('3.5'):>8}")
print(sorted([Decimal("1.5"), Decimal("0.2"), Decimal("1")]), max(Decimal("1"), Decimal("1.0")), Decimal("1") == 1, Decimal("0.5") < 1)
print(getcontext().prec, getcontext().rounding)
with localcontext() as ctx:
    ctx.prec = 5
    print(Decimal(1) / Decimal(3), ctx.prec)
print(Decimal(1) / Decimal(3))
getcontext().prec = 10
print(Decimal(2).sqrt(), Decimal(22) / Decimal(7))
print(Decimal(5).compare(Decimal(7)), Decimal("7.00").is_signed(), Decimal(-2).copy_abs(), Decimal("12.5").to_integral_value())
print(sum([Decimal("0.10")] * 3), Decimal(3) * 2, 2 - Decimal("0.5"))
for bad in (lambda: Decimal("abc"), lambda: Decimal(1) / Decimal(0), lambda: Decimal(1) + 1.5,
            lambda: Decimal(0) / Decimal(0), lambda: Decimal(-1).sqrt(), lambda: Decimal("1") < "x"):
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(issubclass(decimal.DivisionByZero, ZeroDivisionError), issubclass(InvalidOperation, ArithmeticError))
print(Decimal.__module__, type(Decimal("1")).__name__, decimal.Context(prec=3).create_decimal("3.14159"))
