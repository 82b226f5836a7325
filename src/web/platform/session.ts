// The dev sign-in keeps its token for this browser tab only.
const KEY = 'itsm.accessToken';

export const session = {
  token(): string | null {
    try {
      return window.sessionStorage.getItem(KEY);
    } catch {
      return null;
    }
  },
  save(token: string): void {
    window.sessionStorage.setItem(KEY, token);
  },
  clear(): void {
    window.sessionStorage.removeItem(KEY);
  },
};
