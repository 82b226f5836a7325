import { makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useEffect, useRef } from 'react';

const useStyles = makeStyles({
  title: {
    fontSize: tokens.fontSizeBase600,
    lineHeight: tokens.lineHeightBase600,
    fontWeight: tokens.fontWeightSemibold,
    margin: `0 0 ${tokens.spacingVerticalM}`,
    overflowWrap: 'anywhere',
    ':focus': { outline: 'none' },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
});

/** The page's one h1. It takes focus when the page opens, so screen reader and keyboard users start at the top. */
export function PageTitle({ children, id }: { children: ReactNode; id?: string }) {
  const styles = useStyles();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const active = document.activeElement;
    // Keep focus where a person put it inside the page (e.g. a form field restored after an error).
    if (!active || active === document.body || active.closest('nav, [data-shell-bar]')) ref.current?.focus({ preventScroll: false });
  }, []);
  return (
    <h1 ref={ref} id={id} tabIndex={-1} className={styles.title}>
      {children}
    </h1>
  );
}
