// A one-time message carried to the next page (for example "INC-12 raised"), read once and gone.
let pending: string | null = null;

export const flash = {
  set(message: string): void {
    pending = message;
  },
  take(): string | null {
    const message = pending;
    pending = null;
    return message;
  },
};
