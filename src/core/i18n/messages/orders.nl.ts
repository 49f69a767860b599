export const ordersNl = {
  "orders.mail.invoice.subject": "Factuur {number} van {organisation}",
  "orders.mail.invoice.body":
    "Dag {name},\n\nHierbij je factuur {number} van {organisation}, voor een bedrag van {amount}.\n\nGelieve te betalen vóór {due} met de gestructureerde mededeling {communication}.\n\nMet vriendelijke groet,\n{organisation}",
  "orders.mail.credit.subject": "Creditnota {number} van {organisation}",
  "orders.mail.credit.body":
    "Dag {name},\n\nHierbij creditnota {number} van {organisation}, voor een bedrag van {amount}. Ze corrigeert een eerdere factuur; je hoeft niets te betalen.\n\nMet vriendelijke groet,\n{organisation}",
};
