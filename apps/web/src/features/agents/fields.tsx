// The agent editor's fields, by kind: one import for the steps and forms that lay them out.
export { FieldFrame, LabelledField, type ControlProps } from "./field-frame";
export { TextField, TextAreaField } from "./text-fields";
export { NumberField, RangeField } from "./number-fields";
export { SelectField, CheckboxField } from "./choice-fields";
export { ListField } from "./list-field";
