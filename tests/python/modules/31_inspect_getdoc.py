# inspect.getdoc/cleandoc: docstrings cleaned of their indentation, inherited from a base
# class or method when an object has none (CPython's _finddoc).
import inspect

class Base:
    """Base class.

    With a second paragraph,
        indented more.
    """
    def run(self):
        """Run the thing.

        Details here.
        """

    @property
    def size(self):
        """The size."""
        return 1

class Child(Base):
    def run(self):
        pass

def plain():
	"""	Tabbed doc.
	second line"""

async def co():
    """Coroutine doc."""

print(repr(inspect.getdoc(Base)))
print(repr(inspect.getdoc(Child)))
print(repr(inspect.getdoc(Child.run)))
print(repr(inspect.getdoc(Child().run)))
print(repr(inspect.getdoc(Base.size)))
print(repr(inspect.getdoc(plain)))
print(repr(inspect.getdoc(co)))
print(repr(inspect.getdoc(lambda: 0)))
print(repr(inspect.cleandoc("  a\n    b\n  c\n\n")))
