# A complete report: grouping, totals, aligned columns, percentages.
sales = [
    ("north", "widget", 12, 3.50), ("south", "gadget", 3, 19.99), ("north", "gadget", 5, 19.99),
    ("east", "widget", 30, 3.25), ("south", "widget", 7, 3.50), ("east", "gizmo", 1, 149.00),
]
by_region = {}
for region, product, qty, price in sales:
    by_region.setdefault(region, []).append((product, qty, qty * price))
grand = sum(qty * price for _, _, qty, price in sales)
print(f"{'Region':<8}{'Product':<9}{'Qty':>5}{'Revenue':>11}{'Share':>8}")
print("-" * 41)
for region in sorted(by_region):
    rows = by_region[region]
    for product, qty, revenue in sorted(rows):
        print(f"{region:<8}{product:<9}{qty:>5}{revenue:>11,.2f}{revenue / grand:>8.1%}")
    subtotal = sum(r for _, _, r in rows)
    print(f"{'':<8}{'subtotal':<9}{sum(q for _, q, _ in rows):>5}{subtotal:>11,.2f}{subtotal / grand:>8.1%}")
print("=" * 41)
print(f"{'TOTAL':<17}{sum(s[2] for s in sales):>5}{grand:>11,.2f}{1:>8.0%}")
best = max(sales, key=lambda s: s[2] * s[3])
print(f"best line: {best[0]}/{best[1]} = {best[2] * best[3]:.2f}")
print(f"average price: {sum(s[3] for s in sales) / len(sales):.3f}")
