class ValidationError(Exception):
    def __init__(self, field):
        super().__init__(f"invalid field: {field}")
        self.field = field

def validate(rec):
    if "id" not in rec:
        raise ValidationError("id")

try:
    validate({})
except ValidationError:
    print("first failure handled")
validate({"name": 1})
