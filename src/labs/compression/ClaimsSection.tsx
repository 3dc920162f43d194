/** Section 5: the seed project's claims next to what this page measured, computed live. */
import { useMemo } from 'react';
import type { ClaimCheck } from '../../models/compression/claims';
import { bytes, ratio, share } from './format';
import { liveClaims } from './report';
import { useLabShallow } from './useLab';
import { Table } from './Table';

function measured(c: ClaimCheck): string {
  const v = c.measured;
  if (!Number.isFinite(v)) return 'not measured';
  switch (c.unit) {
    case 'bytes':
      return bytes(v);
    case 'share':
      return share(v);
    case 'x':
      return ratio(v);
    case 'ms per query':
      return `${v.toFixed(2)} ms a query`;
    case 'r':
      return `r = ${v.toFixed(3)}`;
    default:
      return `${v.toFixed(3)} ${c.unit}`;
  }
}

export function ClaimsSection() {
  const parts = useLabShallow((s) => ({
    data: s.data,
    compressed: s.compressed,
    lossless: s.lossless,
    recall: s.recall,
    lossy: s.lossy,
    training: s.training,
  }));
  const claims = useMemo(() => liveClaims(parts), [parts]);
  return (
    <>
      <p>
        The seed project ("Simulation-of-Associative-Memory") says a Hopfield autoencoder compresses
        312 MB of biological data to 0.6 MB with 100 % recall, robust to 30 % noise, with instant
        recall. It measured none of it. Here each claim stands next to what this page measured on
        the records above.
      </p>
      {claims ? (
        <Table testId="claims" head={['claim', 'the seed says', 'measured here', 'how']}>
          {claims.map((c) => (
            <tr key={c.claim}>
              <th scope="row">{c.claim}</th>
              <td>{c.claimed}</td>
              <td className="num">
                <strong>{measured(c)}</strong>
              </td>
              <td className="small">{c.how}</td>
            </tr>
          ))}
        </Table>
      ) : (
        <p className="muted">
          The table fills in once the model is trained and recall and the lossless sizes are
          measured.
        </p>
      )}
    </>
  );
}
