# A user exception class with a custom __str__.
class ValidationError(Exception):
    def __init__(self, field, reason):
        super().__init__(field, reason)
        self.field = field
        self.reason = reason

    def __str__(self):
        return f"{self.field}: {self.reason}"

def validate(user):
    if not user.get("email"):
        raise ValidationError("email", "is required")

validate({"name": "ann"})
