import { Field } from "~/ui/field";
import { TextInput } from "~/ui/inputs";

/** One password box of the change-password form, with its label, hint and problem. */
export function PasswordField(props: {
  label: string;
  hint?: string;
  name: string;
  autoComplete: "current-password" | "new-password";
  testId: string;
  problemTestId: string;
  type: "text" | "password";
  value: string;
  problem: string | null;
  onChange(value: string): void;
}) {
  return (
    <Field
      label={props.label}
      hint={props.hint}
      error={props.problem}
      errorTestId={props.problemTestId}
    >
      <TextInput
        type={props.type}
        name={props.name}
        autoComplete={props.autoComplete}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        data-testid={props.testId}
      />
    </Field>
  );
}
