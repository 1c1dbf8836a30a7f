/** One line of work in a list (the queue, the COM's caseload): what it is, whom it is for, when, and the action. */
import { ReactNode } from 'react';
import { t } from './i18n';

export function WorkItem({
  heading,
  details,
  actions,
  ...data
}: {
  heading: ReactNode;
  details: ReactNode;
  actions?: ReactNode;
  [dataAttribute: `data-${string}`]: string;
}) {
  return (
    <li className="work-item" {...data}>
      <div className="work-main">
        <div className="work-heading">{heading}</div>
        <div className="secondary">{details}</div>
      </div>
      {actions && <div className="work-actions">{actions}</div>}
    </li>
  );
}

/** A list that says so when it is empty, rather than leaving a blank space. */
export function WorkList({ empty, children }: { empty: string; children: ReactNode[] }) {
  return children.length === 0 ? <p className="empty">{empty}</p> : <ul className="plain work-list">{children}</ul>;
}

/** Her name in a work line; opens her panel. */
export function WomanLink({
  id,
  name,
  onOpen,
}: {
  id: string;
  name: string | undefined;
  onOpen: (id: string) => void;
}) {
  return (
    <button className="link-button" onClick={() => onOpen(id)}>
      {name ?? t('workList.herDetails')}
    </button>
  );
}
