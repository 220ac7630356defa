# statistics as course scripts use it: grades, timings, with Fraction and Decimal data.
import statistics
from statistics import mean, median, mode, stdev, pstdev, variance, pvariance
from fractions import Fraction
from decimal import Decimal

grades = [88, 92, 79, 93, 85, 92, 70, 92, 81]
print(mean(grades), median(grades), mode(grades))
print(statistics.median_low([1, 3, 5, 7]), statistics.median_high([1, 3, 5, 7]))
print(statistics.median_grouped([52, 52, 53, 54]))
print(stdev(grades), pstdev(grades))
print(variance(grades), pvariance(grades))
print(statistics.fmean([3.5, 4.0, 5.25]))
print(statistics.geometric_mean([54, 24, 36]))
print(statistics.harmonic_mean([40, 60]))
print(statistics.harmonic_mean([40, 60], weights=[5, 30]))
print(statistics.multimode("aabbbbccddddeeffffgg"))
print(statistics.quantiles([105, 129, 87, 86, 111, 111, 89, 81, 108, 92, 110, 100, 75, 105, 103, 109, 76, 119, 99, 91, 103, 129, 106, 101, 84, 111, 74, 87, 86, 103, 103, 106, 86, 111, 75, 87, 102, 121, 111, 88, 89, 101, 106, 95, 103, 107, 101, 81, 109, 104], n=10))
print(statistics.quantiles([1, 2, 3, 4, 5], n=4, method='inclusive'))
print(mean([Fraction(3, 7), Fraction(1, 21), Fraction(5, 3), Fraction(1, 3)]))
print(mean([Decimal("0.5"), Decimal("0.75"), Decimal("0.625"), Decimal("0.375")]))
print(variance([Fraction(1, 4), Fraction(5, 4), Fraction(1, 2)]))
print(pvariance([Decimal("27.5"), Decimal("30.25"), Decimal("30.25"), Decimal("34.5"), Decimal("41.75")]))
print(mean([1.5, 2, 3]), mean([True, False, True]))
print(statistics.correlation([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 1, 2, 3, 1, 2, 3]))
print(statistics.covariance([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 1, 2, 3, 1, 2, 3]))
print(statistics.linear_regression([1, 2, 3, 4, 5], [3, 5, 7, 9, 11]))
print(statistics.linear_regression([1, 2, 3, 4, 5], [3, 5, 7, 9, 11], proportional=True))
nd = statistics.NormalDist(mu=100, sigma=15)
print(nd, nd.mean, nd.stdev, nd.variance)
print(round(nd.cdf(130), 10), round(nd.pdf(100), 10), nd.inv_cdf(0.975))
print(nd.quantiles())
print(statistics.NormalDist.from_samples([2.5, 3.1, 2.1, 2.4, 2.7, 3.5]))
print(nd + 5, nd * 2, round(nd.overlap(statistics.NormalDist(110, 15)), 10))
print(round(nd.zscore(125), 10))
for bad in (lambda: mean([]), lambda: stdev([1]), lambda: variance([2]),
            lambda: median([]), lambda: mode([]), lambda: statistics.geometric_mean([1, -2]),
            lambda: statistics.harmonic_mean([1, -2]), lambda: statistics.quantiles([1], n=4),
            lambda: statistics.quantiles([1, 2], n=0), lambda: statistics.NormalDist(0, -1),
            lambda: statistics.correlation([1, 2], [3]), lambda: statistics.correlation([1, 1, 1], [1, 2, 3]),
            lambda: mean(["a", "b"]), lambda: statistics.fmean([])):
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(issubclass(statistics.StatisticsError, ValueError))
