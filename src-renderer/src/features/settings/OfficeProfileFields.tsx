import { SimpleGrid, TextInput, Textarea } from '@mantine/core';
import type { ProfileField, ProfileValues } from './office-profile-form';

/** The office profile's inputs, shared by the first-run setup and the Settings page. */
export function OfficeProfileFields({
  values,
  errorOf,
  set,
}: {
  values: ProfileValues;
  errorOf: (field: ProfileField) => string | undefined;
  set: (field: ProfileField, value: string) => void;
}) {
  const text = (field: ProfileField) => ({
    value: values[field],
    error: errorOf(field),
    onChange: (e: { currentTarget: { value: string } }) => set(field, e.currentTarget.value),
  });
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <TextInput label="Business name" required maxLength={120} {...text('businessName')} />
      <TextInput label="Phone" maxLength={40} autoComplete="tel" {...text('phone')} />
      <Textarea label="Address" rows={2} maxLength={300} {...text('address')} />
      <TextInput
        label="Tax or registration number"
        description="Printed on receipts, e.g. a KRA PIN or VAT number"
        maxLength={60}
        {...text('registrationNumber')}
      />
      <Textarea
        label="Receipt footer"
        description="A line at the foot of every receipt: paybill number, support contact, thanks"
        rows={2}
        maxLength={300}
        {...text('receiptFooter')}
      />
    </SimpleGrid>
  );
}
