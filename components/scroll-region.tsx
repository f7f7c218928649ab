// A wide table on a narrow phone scrolls sideways; the container is focusable so the keyboard can scroll it too.
// It is a named group, not a landmark: the section around it already is one, under the same name, and no two
// landmarks of a page may share a name (RGAA 12.6).
export function ScrollRegion({
  label,
  className = '',
  children,
}: {
  label: string;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <div role="group" aria-label={label} tabIndex={0} className={`overflow-x-auto ${className}`}>
      {children}
    </div>
  );
}
