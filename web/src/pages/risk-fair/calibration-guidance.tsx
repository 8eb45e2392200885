import { Alert, List } from '@mantine/core';
import { IconBulb } from '@tabler/icons-react';

/** How to give a calibrated estimate, in a few lines a first-time analyst can act on. */
export function CalibrationGuidance() {
  return (
    <Alert
      variant="light"
      color="indigo"
      icon={<IconBulb aria-hidden />}
      title="Estimating under uncertainty"
      data-testid="calibration-guidance"
    >
      <List size="sm" spacing={2}>
        <List.Item>Give a range you would bet on: you should expect the true value to fall inside it nine times out of ten.</List.Item>
        <List.Item>
          Start from values that are plainly absurd at both ends, then bring each end in until you would hesitate to move it further.
        </List.Item>
        <List.Item>
          “Most likely” is the single value you find most plausible (the peak), not the average; it may sit close to one end.
        </List.Item>
        <List.Item>
          For losses that can run over orders of magnitude, the lognormal's 5th and 95th percentiles fit best; a wide range is honest, a
          narrow one needs evidence.
        </List.Item>
        <List.Item>
          Write down what each range rests on (incidents, industry data, experts asked), so the next review can improve it.
        </List.Item>
      </List>
    </Alert>
  );
}
