/** Email addresses of the demo people of `data/accounts.json`, as the tests sign in with them. */
export const JONAS = 'jonas.weber@mueller-design.example';
export const PETER = 'peter.brooks@northwind.example';
export const KLAUS = 'klaus.bergmann@bergmann-soehne.example';
export const EVA = 'eva.schulz@bergmann-soehne.example';
export const ANNA = 'anna.mueller@mueller-design.example';
export const LEA = 'lea.fischer@mueller-design.example';
export const MARIA = 'buchhaltung@bergmann-soehne.example';
export const TOM = 'tom.hughes@northwind.example';
export const SARAH = 'sarah.lee@northwind.example';
/** In two accounts (Taylor Consulting and Northwind Traders): asked which one first. */
export const CHRIS = 'chris.taylor@taylor-consulting.example';
