import { LABS } from './routes';

export function Home() {
  return (
    <div className="home">
      <section className="hero">
        <h1>How does a network remember?</h1>
        <p>
          Engram is a set of labs you can poke at. Every model runs here, in your browser, and every
          number on the page is computed as you watch.
        </p>
      </section>
      <ul className="lab-cards">
        {LABS.map((lab) => (
          <li key={lab.path} className={lab.load ? 'lab-card' : 'lab-card coming'}>
            <h2>
              {lab.load ? <a href={`#${lab.path}`}>{lab.title}</a> : lab.title}
              {!lab.load && <span className="tag">coming</span>}
            </h2>
            <p>{lab.summary}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
