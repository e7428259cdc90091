// Config section `directory`: which user directory the reset runs against.
// `demo` is the embedded JSON directory (the default when no config file is given).
import { z } from 'zod';

export const demoDirectorySchema = z
  .object({
    type: z.literal('demo'),
    /** JSON file with the demo users; default resources/demo-directory.json. */
    file: z.string().optional(),
  })
  .strict();

export const directorySchema = z.discriminatedUnion('type', [demoDirectorySchema]);
export type DirectoryConfig = z.infer<typeof directorySchema>;
