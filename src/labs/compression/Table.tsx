/** The lab's tables: they scroll sideways on a phone instead of widening the page. */
import type { ReactNode } from 'react';

export function Table({
  testId,
  className,
  caption,
  head,
  children,
}: {
  testId: string;
  /** Classes added to "cz-table". */
  className?: string;
  caption?: ReactNode;
  /** The column heads, left to right. */
  head: readonly ReactNode[];
  /** The rows. */
  children: ReactNode;
}) {
  return (
    <div className="cz-scroll">
      <table className={className ? `cz-table ${className}` : 'cz-table'} data-testid={testId}>
        {caption && <caption>{caption}</caption>}
        <thead>
          <tr>
            {head.map((h, i) => (
              <th key={i} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
