// The child's icon: initials in a coloured disc (decorative: the name is always written beside it).
const COLOURS = ['bg-sky-700', 'bg-emerald-700', 'bg-violet-700', 'bg-rose-700', 'bg-amber-700', 'bg-teal-700'];

export function Initials({ firstName, lastName, seed }: { firstName: string; lastName: string; seed: number }) {
  const initials = `${firstName.charAt(0)}${lastName.charAt(0)}`.toUpperCase();
  return (
    <span
      aria-hidden="true"
      className={`inline-flex h-14 w-14 shrink-0 items-center justify-center rounded-full text-xl font-bold text-white ${COLOURS[seed % COLOURS.length]}`}
    >
      {initials}
    </span>
  );
}
