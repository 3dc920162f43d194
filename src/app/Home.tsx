import { COURSE } from '../engine/course';
import { lessonHash } from '../engine/lessons';
import { LABS } from './routes';
import './home.css';

/**
 * The home page: the course. The labs in order, each with its lessons (their
 * length and what they teach), each lesson linking to its first step.
 */
export function Home() {
  return (
    <div className="home">
      <section className="hero">
        <h1>How does a network remember?</h1>
        <p>
          Engram is a set of labs you can poke at. Every model runs here, in your browser, and every
          number on the page is computed as you watch. Taken in order, with their guided lessons,
          the labs are a course.
        </p>
      </section>
      <ol className="lab-cards course" aria-label="The course: the labs in order">
        {LABS.map((lab, k) => {
          const lessons = COURSE.filter((l) => l.lab === lab.path);
          return (
            <li key={lab.path} className={lab.load ? 'lab-card' : 'lab-card coming'}>
              <h2>
                <span className="course-number">{k + 1}</span>
                {lab.load ? <a href={`#${lab.path}`}>{lab.title}</a> : lab.title}
                {!lab.load && <span className="tag">coming</span>}
              </h2>
              <p>{lab.summary}</p>
              {lab.load && lessons.length > 0 && (
                <ul className="course-lessons">
                  {lessons.map((l) => (
                    <li key={l.id} data-testid={`course-${l.id}`}>
                      <a href={lessonHash(l.lab, l.id, 1)}>Lesson: {l.title}</a>{' '}
                      <span className="muted">({l.steps} steps)</span>
                      <p className="small">Teaches {l.teaches}.</p>
                    </li>
                  ))}
                </ul>
              )}
              {lab.load && lessons.length === 0 && (
                <p className="small muted course-none">No guided lesson yet: explore it freely.</p>
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
