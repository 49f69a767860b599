import type { VNode } from "preact";

export interface IdCardPictureProps {
  /** What the picture shows, for screen readers. */
  label: string;
  /** Written on the blacked-out areas, so the picture explains itself. */
  photo: string;
  number: string;
}

/**
 * The front of an ID card as we want to receive it: the photo and the card number blacked out,
 * the rest readable. Drawn with presentation attributes only: the CSP allows no inline style.
 */
export function IdCardPicture({ label, photo, number }: IdCardPictureProps): VNode {
  const lines = [62, 82, 102, 122];
  return (
    <svg
      class="id-card-picture"
      role="img"
      aria-label={label}
      viewBox="0 0 320 200"
      width="320"
      height="200"
      xmlns="http://www.w3.org/2000/svg"
    >
      <rect
        x="2"
        y="2"
        width="316"
        height="196"
        rx="14"
        fill="#eef3f8"
        stroke="#5b6b7c"
        stroke-width="3"
      />
      <rect x="2" y="2" width="316" height="34" rx="14" fill="#2f5d8a" />
      <rect x="2" y="22" width="316" height="14" fill="#2f5d8a" />
      <rect x="20" y="12" width="60" height="12" rx="3" fill="#dbe6f1" />
      <rect x="200" y="12" width="100" height="12" rx="3" fill="#dbe6f1" />
      <rect x="20" y="50" width="84" height="104" rx="4" fill="#111111" />
      <text
        x="62"
        y="106"
        fill="#ffffff"
        font-family="sans-serif"
        font-size="13"
        text-anchor="middle"
      >
        {photo}
      </text>
      {lines.map((y, index) => (
        <g key={y}>
          <rect x="120" y={y - 10} width="60" height="6" rx="2" fill="#8a99a8" />
          <rect
            x="120"
            y={y}
            width={index % 2 === 0 ? 160 : 120}
            height="9"
            rx="2"
            fill="#3d4b59"
          />
        </g>
      ))}
      <rect x="20" y="166" width="200" height="22" rx="4" fill="#111111" />
      <text
        x="120"
        y="182"
        fill="#ffffff"
        font-family="sans-serif"
        font-size="13"
        text-anchor="middle"
      >
        {number}
      </text>
      <rect x="240" y="160" width="60" height="28" rx="4" fill="#c9d4df" />
    </svg>
  );
}
