import { z } from 'zod';
import { MAX_SCALE_LEVELS } from './scale.ts';

const ZLevelInput = z.strictObject({
  name: z.string().trim().min(1).max(60),
  description: z.string().trim().max(500).optional(),
});

export const ZPutScale = z.strictObject({
  levels: z
    .array(ZLevelInput)
    .min(2)
    .max(MAX_SCALE_LEVELS)
    .describe('Lowest first; a level is its position (1 = first). Must cover every level assets use.'),
});

export const ZScale = z.object({
  levels: z.array(z.object({ value: z.number().int(), name: z.string(), description: z.string().optional() })),
});

export type TPutScale = z.infer<typeof ZPutScale>;
export type TScale = z.infer<typeof ZScale>;
